using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Local;

public static class LocalBatchStatus
{
    public const string Validating = "validating";
    public const string InProgress = "in_progress";
    public const string Finalizing = "finalizing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelling = "cancelling";
    public const string Cancelled = "cancelled";
}

/// <summary>
/// A batch as the local provider stores it. The lines live inside the record: fine for an emulator's batch sizes,
/// and the record is still written whole and atomically.
/// </summary>
public sealed record LocalBatch
{
    public required string Id { get; init; }
    public required string InputFileId { get; init; }
    public string Endpoint { get; init; } = "/v1/videos";
    public string CompletionWindow { get; init; } = "24h";
    public Dictionary<string, string>? Metadata { get; init; }
    public string Status { get; init; } = LocalBatchStatus.Validating;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? InProgressAt { get; init; }
    public DateTimeOffset? FinalizingAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
    public DateTimeOffset? CancellingAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public string? OutputFileId { get; init; }
    public List<BatchErrorDto> Errors { get; init; } = [];
    public List<LocalBatchLine> Lines { get; init; } = [];
}

/// <summary>One request of a batch: the job it started, or the error that refused it.</summary>
public sealed record LocalBatchLine(string CustomId, string BodyJson)
{
    public string? JobId { get; init; }
    public int? ErrorStatus { get; init; }
    public ErrorDto? Error { get; init; }
    public bool Started => JobId is not null || Error is not null;
}
