namespace VideoHub.Providers.OpenAiCompatible.Wire;

/// <summary>POST /videos as JSON (the only form a batch line accepts).</summary>
public sealed class VideoCreateBody
{
    public string Prompt { get; set; } = "";
    public string? Model { get; set; }
    public string? Seconds { get; set; }
    public string? Size { get; set; }
    public ImageRefBody? InputReference { get; set; }
    public List<IdRef>? Characters { get; set; }
}

public sealed class ImageRefBody
{
    public string? FileId { get; set; }
    public string? ImageUrl { get; set; }
}

public sealed class IdRef
{
    public string Id { get; set; } = "";
}

public sealed class VideoRemixBody
{
    public string Prompt { get; set; } = "";
}

public sealed class VideoEditBody
{
    public string Prompt { get; set; } = "";
    public IdRef? Video { get; set; }
    public string? Model { get; set; }
}

public sealed class VideoExtendBody
{
    public string Prompt { get; set; } = "";
    public string? Seconds { get; set; }
    public IdRef? Video { get; set; }
}

public sealed class BatchCreateBody
{
    public string InputFileId { get; set; } = "";
    public string Endpoint { get; set; } = "/v1/videos";
    public string CompletionWindow { get; set; } = "24h";
    public Dictionary<string, string>? Metadata { get; set; }
}
