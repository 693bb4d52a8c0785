using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Providers;
using VideoHub.Providers.Local;
using VideoHub.Providers.OpenAiCompatible;

namespace VideoHub.Tests.Features.Rendering.Infrastructure;

/// <summary>
/// The app's real openai-compatible clients, built from the provider rows like the registry does; a test may add
/// the local provider's fault header to every call (<see cref="FaultHeader"/>) or script single calls (<see cref="Script"/>).
/// </summary>
public sealed class ScriptedProviders(IDbContextFactory<VideoHubDbContext> dbFactory, VideoProviderRegistry registry,
    OpenAiCompatibleClientFactory clients) : IRenderProviders
{
    /// <summary>Sent as X-Local-Provider-Fault on every call while set (e.g. "rate-limit=3,key=x").</summary>
    public string? FaultHeader { get; set; }
    public ProviderScript Script { get; } = new();

    public async Task<IVideoProvider?> GetAsync(string providerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId && p.Enabled, ct);
        if (row is null) return null;
        var endpoint = registry.EndpointOf(row);
        var normal = clients.Create(endpoint);
        var faulty = clients.Create(endpoint with { Headers = new Dictionary<string, string> { [LocalFaults.Header] = "truncate" } });
        var client = FaultHeader is { } header
            ? clients.Create(endpoint with { Headers = new Dictionary<string, string> { [LocalFaults.Header] = header } })
            : normal;
        return new ScriptedProvider(client, faulty, Script);
    }

    /// <summary>A client straight to the provider, without faults: to look at its job list.</summary>
    public async Task<IVideoProvider> PlainAsync(string providerId = "local") =>
        await registry.GetAsync(providerId) ?? throw new InvalidOperationException("No provider " + providerId);
}

/// <summary>Counted faults the scripted provider plays, each once per count.</summary>
public sealed class ProviderScript
{
    private int lostCreateAnswers;
    private int truncatedVideoDownloads;

    /// <summary>The next N creates reach the provider (the job is made) but their answer is lost (a timeout).</summary>
    public void LoseCreateAnswers(int count) => Interlocked.Exchange(ref lostCreateAnswers, count);

    /// <summary>The next N video downloads are cut off halfway by the provider.</summary>
    public void TruncateVideoDownloads(int count) => Interlocked.Exchange(ref truncatedVideoDownloads, count);

    public int CreatesSent;

    internal bool TakeLostCreate() => Interlocked.Decrement(ref lostCreateAnswers) >= 0;
    internal bool TakeTruncatedDownload() => Interlocked.Decrement(ref truncatedVideoDownloads) >= 0;
}

internal sealed class ScriptedProvider(IVideoProvider inner, IVideoProvider truncating, ProviderScript script) : IVideoProvider
{
    public string ProviderId => inner.ProviderId;

    public async Task<ProviderResult<ProviderVideo>> CreateVideoAsync(VideoCreateRequest request, CancellationToken ct = default)
    {
        Interlocked.Increment(ref script.CreatesSent);
        var result = await inner.CreateVideoAsync(request, ct);
        return script.TakeLostCreate()
            ? new ProviderError(ProviderErrorKind.Timeout, "The provider did not answer in time.")
            : result;
    }

    public Task<ProviderResult<ContentDownload>> DownloadContentAsync(string videoId, ContentVariant variant, Stream destination,
        CancellationToken ct = default) =>
        (variant == ContentVariant.Video && script.TakeTruncatedDownload() ? truncating : inner)
            .DownloadContentAsync(videoId, variant, destination, ct);

    public Task<ProviderResult<ProviderVideo>> GetVideoAsync(string videoId, CancellationToken ct = default) => inner.GetVideoAsync(videoId, ct);
    public Task<ProviderResult<ProviderVideoPage>> ListVideosAsync(VideoListQuery query, CancellationToken ct = default) => inner.ListVideosAsync(query, ct);
    public Task<ProviderResult<ProviderVideoDeleted>> DeleteVideoAsync(string videoId, CancellationToken ct = default) => inner.DeleteVideoAsync(videoId, ct);
    public Task<ProviderResult<ProviderVideo>> RemixVideoAsync(VideoRemixRequest request, CancellationToken ct = default) => inner.RemixVideoAsync(request, ct);
    public Task<ProviderResult<ProviderVideo>> EditVideoAsync(VideoEditRequest request, CancellationToken ct = default) => inner.EditVideoAsync(request, ct);
    public Task<ProviderResult<ProviderVideo>> ExtendVideoAsync(VideoExtendRequest request, CancellationToken ct = default) => inner.ExtendVideoAsync(request, ct);
    public Task<ProviderResult<ProviderCharacter>> CreateCharacterAsync(CharacterCreateRequest request, CancellationToken ct = default) => inner.CreateCharacterAsync(request, ct);
    public Task<ProviderResult<ProviderCharacter>> GetCharacterAsync(string characterId, CancellationToken ct = default) => inner.GetCharacterAsync(characterId, ct);
    public Task<ProviderResult<ProviderFile>> UploadBatchFileAsync(UploadFile file, string? idempotencyKey = null, CancellationToken ct = default) => inner.UploadBatchFileAsync(file, idempotencyKey, ct);
    public Task<ProviderResult<ProviderBatch>> CreateBatchAsync(BatchCreateRequest request, CancellationToken ct = default) => inner.CreateBatchAsync(request, ct);
    public Task<ProviderResult<ProviderBatch>> GetBatchAsync(string batchId, CancellationToken ct = default) => inner.GetBatchAsync(batchId, ct);
    public Task<ProviderResult<ProviderBatch>> CancelBatchAsync(string batchId, CancellationToken ct = default) => inner.CancelBatchAsync(batchId, ct);
    public Task<ProviderResult<ContentDownload>> DownloadFileContentAsync(string fileId, Stream destination, CancellationToken ct = default) => inner.DownloadFileContentAsync(fileId, destination, ct);
}
