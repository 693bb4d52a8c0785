using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Local;

/// <summary>POST /batches, GET /batches/{id}, POST /batches/{id}/cancel; the work is done by <see cref="LocalBatchWorker"/>.</summary>
public sealed class LocalBatchService(LocalProviderStore store, TimeProvider clock)
{
    public const string VideosEndpoint = "/v1/videos";

    public LocalBatch Create(WireRequest request)
    {
        var body = request.Fields;
        var inputFileId = body.String("input_file_id") ?? throw WireError.Missing("input_file_id");
        var endpoint = body.String("endpoint") ?? throw WireError.Missing("endpoint");
        if (endpoint != VideosEndpoint)
            throw WireError.Invalid($"Invalid value: '{endpoint}'. This provider batches only '{VideosEndpoint}'.", "endpoint");
        var window = body.String("completion_window") ?? "24h";
        if (window != "24h") throw WireError.Invalid($"Invalid value: '{window}'. Supported values are: '24h'.", "completion_window");
        var file = store.Files.Get(inputFileId) ?? throw WireError.NotFound($"No such File object: {inputFileId}", "input_file_id");
        if (file.Purpose != "batch")
            throw WireError.Invalid($"File '{inputFileId}' has purpose '{file.Purpose}'; a batch input needs purpose 'batch'.", "input_file_id");

        var now = clock.GetUtcNow();
        var metadata = body.Object("metadata")?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
        var batch = new LocalBatch
        {
            Id = LocalProviderStore.NewId("batch_"),
            InputFileId = inputFileId,
            Endpoint = endpoint,
            CompletionWindow = window,
            Metadata = metadata,
            CreatedAt = now,
            ExpiresAt = now.AddHours(24),
        };
        store.Batches.Put(batch);
        return batch;
    }

    public LocalBatch Get(string id) => store.Batches.Get(id) ?? throw WireError.NotFound($"No batch found with id '{id}'.", "batch_id");

    public LocalBatch Cancel(string id)
    {
        Get(id);
        return store.Batches.Update(id, b => b.Status is LocalBatchStatus.Validating or LocalBatchStatus.InProgress
            ? b with { Status = LocalBatchStatus.Cancelling, CancellingAt = clock.GetUtcNow() } : b)!;
    }

    public BatchDto ToDto(LocalBatch b)
    {
        var jobs = b.Lines.Where(l => l.JobId is not null).Select(l => store.Jobs.Get(l.JobId!)).ToList();
        return new BatchDto
        {
            Id = b.Id,
            Endpoint = b.Endpoint,
            Errors = b.Errors.Count == 0 ? null : new BatchErrorsDto { Data = b.Errors },
            InputFileId = b.InputFileId,
            CompletionWindow = b.CompletionWindow,
            Status = b.Status,
            OutputFileId = b.OutputFileId,
            CreatedAt = b.CreatedAt.ToUnixTimeSeconds(),
            InProgressAt = b.InProgressAt?.ToUnixTimeSeconds(),
            ExpiresAt = b.ExpiresAt.ToUnixTimeSeconds(),
            FinalizingAt = b.FinalizingAt?.ToUnixTimeSeconds(),
            CompletedAt = b.CompletedAt?.ToUnixTimeSeconds(),
            FailedAt = b.FailedAt?.ToUnixTimeSeconds(),
            CancellingAt = b.CancellingAt?.ToUnixTimeSeconds(),
            CancelledAt = b.CancelledAt?.ToUnixTimeSeconds(),
            RequestCounts = new BatchCountsDto
            {
                Total = b.Lines.Count,
                Completed = jobs.Count(j => j?.Status == LocalStatus.Completed),
                Failed = jobs.Count(j => j is null || j.Status == LocalStatus.Failed) + b.Lines.Count(l => l.Error is not null),
            },
            Metadata = b.Metadata,
        };
    }
}
