namespace VideoHub.Providers.Local;

public static class LocalStatus
{
    public const string Queued = "queued";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

public static class LocalOperations
{
    public const string Create = "create";
    public const string Remix = "remix";
    public const string Edit = "edit";
    public const string Extend = "extend";
}

/// <summary>A render job as the local provider stores it (its own state, not the wire object).</summary>
public sealed record LocalJob
{
    public required string Id { get; init; }
    public required string Model { get; init; }
    public string Status { get; init; } = LocalStatus.Queued;
    public int Progress { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public required string Prompt { get; init; }
    public required string Size { get; init; }
    /// <summary>The whole clip's length; for an extension the stitched total.</summary>
    public int Seconds { get; init; }
    public string Operation { get; init; } = LocalOperations.Create;
    /// <summary>The video a remix, edit or extension starts from.</summary>
    public string? SourceVideoId { get; init; }
    public string? RemixedFromVideoId { get; init; }
    /// <summary>How many extensions the clip has had (0 for a fresh render).</summary>
    public int Extensions { get; init; }
    public List<string> CharacterIds { get; init; } = [];
    public List<string> CharacterNames { get; init; } = [];
    /// <summary>File name (in the job's media folder) of the first-frame image or of an uploaded source clip.</summary>
    public string? InputImage { get; init; }
    public string? UploadedSource { get; init; }
    /// <summary>A failure decided when the job was accepted (provider moderation, a fault knob); shown after some progress.</summary>
    public LocalJobError? PlannedError { get; init; }
    public LocalJobError? Error { get; init; }
    public string? BatchId { get; init; }

    public bool IsTerminal => Status is LocalStatus.Completed or LocalStatus.Failed;
}

public sealed record LocalJobError(string Code, string Message);

public sealed record LocalCharacter(string Id, string Name, DateTimeOffset CreatedAt);

public sealed record LocalFile(string Id, string FileName, long Bytes, string Purpose, DateTimeOffset CreatedAt);

/// <summary>What an Idempotency-Key produced the first time it was used.</summary>
public sealed record IdempotencyRecord(string Id, string ObjectId, DateTimeOffset CreatedAt);
