namespace VideoHub.Providers;

/// <summary>
/// One video provider, spoken to through an adapter. Every call answers with a value or a typed error and never
/// throws for provider trouble; only the caller's cancellation surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public interface IVideoProvider
{
    string ProviderId { get; }

    Task<ProviderResult<ProviderVideo>> CreateVideoAsync(VideoCreateRequest request, CancellationToken ct = default);
    Task<ProviderResult<ProviderVideo>> GetVideoAsync(string videoId, CancellationToken ct = default);
    Task<ProviderResult<ProviderVideoPage>> ListVideosAsync(VideoListQuery query, CancellationToken ct = default);
    Task<ProviderResult<ProviderVideoDeleted>> DeleteVideoAsync(string videoId, CancellationToken ct = default);

    /// <summary>Streams one variant of a completed video into <paramref name="destination"/>, never holding it whole.</summary>
    Task<ProviderResult<ContentDownload>> DownloadContentAsync(string videoId, ContentVariant variant, Stream destination,
        CancellationToken ct = default);

    Task<ProviderResult<ProviderVideo>> RemixVideoAsync(VideoRemixRequest request, CancellationToken ct = default);
    Task<ProviderResult<ProviderVideo>> EditVideoAsync(VideoEditRequest request, CancellationToken ct = default);
    Task<ProviderResult<ProviderVideo>> ExtendVideoAsync(VideoExtendRequest request, CancellationToken ct = default);

    Task<ProviderResult<ProviderCharacter>> CreateCharacterAsync(CharacterCreateRequest request, CancellationToken ct = default);
    Task<ProviderResult<ProviderCharacter>> GetCharacterAsync(string characterId, CancellationToken ct = default);

    Task<ProviderResult<ProviderFile>> UploadBatchFileAsync(UploadFile file, string? idempotencyKey = null, CancellationToken ct = default);
    Task<ProviderResult<ProviderBatch>> CreateBatchAsync(BatchCreateRequest request, CancellationToken ct = default);
    Task<ProviderResult<ProviderBatch>> GetBatchAsync(string batchId, CancellationToken ct = default);
    Task<ProviderResult<ProviderBatch>> CancelBatchAsync(string batchId, CancellationToken ct = default);

    /// <summary>Streams a provider file (e.g. a batch's output JSONL) into <paramref name="destination"/>.</summary>
    Task<ProviderResult<ContentDownload>> DownloadFileContentAsync(string fileId, Stream destination, CancellationToken ct = default);
}
