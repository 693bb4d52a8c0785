namespace VideoHub.Providers;

/// <summary>
/// A file sent to a provider. The stream is read once, from its current position, and not disposed by the provider.
/// </summary>
public sealed record UploadFile(Stream Content, string FileName, string ContentType);

/// <summary>The first-frame image of a render: an upload, a file the provider already holds, or an image URL.</summary>
public sealed record ImageReference
{
    public UploadFile? Upload { get; init; }
    public string? FileId { get; init; }
    /// <summary>An https URL or a base64 data: URL.</summary>
    public string? ImageUrl { get; init; }

    public static ImageReference FromUpload(UploadFile file) => new() { Upload = file };
    public static ImageReference FromFileId(string id) => new() { FileId = id };
    public static ImageReference FromUrl(string url) => new() { ImageUrl = url };
}

/// <summary>
/// Every POST can carry an idempotency key; VideoHub sets one per render request so that a retried submission after
/// a timeout finds the first job instead of starting a second one (DESIGN §3).
/// </summary>
public abstract record ProviderPostRequest
{
    public string? IdempotencyKey { get; init; }
}

public sealed record VideoCreateRequest(string Prompt) : ProviderPostRequest
{
    public string? Model { get; init; }
    public string? Size { get; init; }
    public int? Seconds { get; init; }
    public ImageReference? ImageReference { get; init; }
    /// <summary>The provider's character ids (char_…), at most the profile's MaxCharacters.</summary>
    public IReadOnlyList<string> CharacterIds { get; init; } = [];
}

public sealed record VideoRemixRequest(string VideoId, string Prompt) : ProviderPostRequest;

/// <summary>An edit of a completed video (by id) or of an uploaded clip (then <see cref="Model"/> should be set).</summary>
public sealed record VideoEditRequest(string Prompt) : ProviderPostRequest
{
    public string? VideoId { get; init; }
    public UploadFile? VideoUpload { get; init; }
    public string? Model { get; init; }
}

/// <summary>An extension of a completed video by a new segment of <see cref="Seconds"/>; the result is the whole clip.</summary>
public sealed record VideoExtendRequest(string VideoId, string Prompt, int Seconds) : ProviderPostRequest;

/// <summary>A reusable character from a short (2–4 s) clip; its name must appear verbatim in prompts using it.</summary>
public sealed record CharacterCreateRequest(string Name, UploadFile Clip) : ProviderPostRequest;
