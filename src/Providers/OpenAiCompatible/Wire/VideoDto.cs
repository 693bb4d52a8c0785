namespace VideoHub.Providers.OpenAiCompatible.Wire;

/// <summary>The Video object (reference §3.1). Status is a plain string so that unknown values survive.</summary>
public sealed class VideoDto
{
    public string Id { get; set; } = "";
    public string Object { get; set; } = "video";
    public string? Model { get; set; }
    public string? Status { get; set; }
    public double? Progress { get; set; }
    public long? CreatedAt { get; set; }
    public long? CompletedAt { get; set; }
    public long? ExpiresAt { get; set; }
    public string? Prompt { get; set; }
    public string? Size { get; set; }
    public string? Seconds { get; set; }
    public string? RemixedFromVideoId { get; set; }
    public VideoErrorDto? Error { get; set; }
}

public sealed class VideoErrorDto
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}

public sealed class VideoListDto
{
    public string Object { get; set; } = "list";
    public List<VideoDto> Data { get; set; } = [];
    public string? FirstId { get; set; }
    public string? LastId { get; set; }
    public bool HasMore { get; set; }
}

public sealed class VideoDeletedDto
{
    public string Id { get; set; } = "";
    public string Object { get; set; } = "video.deleted";
    public bool Deleted { get; set; }
}

public sealed class CharacterDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public long? CreatedAt { get; set; }
}

/// <summary>The thin webhook event (reference §6): fetch the object afterwards.</summary>
public sealed class WebhookEventDto
{
    public string Id { get; set; } = "";
    public string Object { get; set; } = "event";
    public long CreatedAt { get; set; }
    public string Type { get; set; } = "";
    public WebhookEventDataDto? Data { get; set; }
}

public sealed class WebhookEventDataDto
{
    public string? Id { get; set; }
}
