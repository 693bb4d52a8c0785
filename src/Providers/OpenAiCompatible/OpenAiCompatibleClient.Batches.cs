using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>The Batch API calls (reference §7); only POST /v1/videos lines are batchable.</summary>
public sealed partial class OpenAiCompatibleClient
{
    public Task<ProviderResult<ProviderBatch>> CreateBatchAsync(BatchCreateRequest request, CancellationToken ct = default) =>
        SendAsync<BatchDto, ProviderBatch>(HttpMethod.Post, "batches", Json(new BatchCreateBody
        {
            InputFileId = request.InputFileId,
            Endpoint = request.Endpoint,
            CompletionWindow = request.CompletionWindow,
            Metadata = request.Metadata?.ToDictionary(),
        }), request.IdempotencyKey, (d, _) => WireMapping.ToBatch(d), ct);

    public Task<ProviderResult<ProviderBatch>> GetBatchAsync(string batchId, CancellationToken ct = default) =>
        SendAsync<BatchDto, ProviderBatch>(HttpMethod.Get, $"batches/{Id(batchId)}", null, null,
            (d, _) => WireMapping.ToBatch(d), ct);

    public Task<ProviderResult<ProviderBatch>> CancelBatchAsync(string batchId, CancellationToken ct = default) =>
        SendAsync<BatchDto, ProviderBatch>(HttpMethod.Post, $"batches/{Id(batchId)}/cancel", null, null,
            (d, _) => WireMapping.ToBatch(d), ct);
}
