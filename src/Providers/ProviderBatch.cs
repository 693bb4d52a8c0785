namespace VideoHub.Providers;

public sealed record ProviderFile(string Id, string? FileName, long Bytes, string? Purpose, DateTime CreatedAt);

/// <summary>Where a provider batch is. Unknown statuses map to <see cref="Unknown"/>.</summary>
public enum ProviderBatchStatus
{
    Validating, InProgress, Finalizing, Completed, Failed, Expired, Cancelling, Cancelled, Unknown,
}

public sealed record BatchRequestCounts(int Total, int Completed, int Failed);

public sealed record ProviderBatch(
    string Id,
    ProviderBatchStatus Status,
    string RawStatus,
    string InputFileId,
    string? OutputFileId,
    string? ErrorFileId,
    BatchRequestCounts Counts,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    IReadOnlyList<string> Errors)
{
    public bool IsTerminal => Status is ProviderBatchStatus.Completed or ProviderBatchStatus.Failed
        or ProviderBatchStatus.Expired or ProviderBatchStatus.Cancelled;
}

/// <summary>A batch over an uploaded JSONL file of POST /v1/videos lines.</summary>
public sealed record BatchCreateRequest(string InputFileId) : ProviderPostRequest
{
    public string Endpoint { get; init; } = "/v1/videos";
    public string CompletionWindow { get; init; } = "24h";
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
