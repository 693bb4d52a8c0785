using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Lineage.Stitching;
using VideoHub.Media;
using VideoHub.Providers;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>
/// Fetches completed renders: each file streams to a temp file beside its destination, is checked (size, ffprobe,
/// SHA-256 while streaming) and renamed into place, so no partial file is ever visible. The take and the Ready
/// state are written in one unit of work. Missing pictures are made locally with ffmpeg.
/// </summary>
public sealed class RenderDownloader(IDbContextFactory<VideoHubDbContext> dbFactory, IRenderProviders providers,
    IMediaStorage storage, MediaProbe probe, SweepSupport sweep, IOptionsMonitor<RenderingOptions> options,
    ILogger<RenderDownloader> log, StitchedExtension stitched, IEnumerable<ITakeListener> takeListeners)
{
    public const string By = "job:download";

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = sweep.Now;
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.RenderRequests.AsNoTracking()
                .Where(r => r.State == RenderState.Downloading && r.NextAttemptAt <= now)
                .OrderBy(r => r.NextAttemptAt).Take(options.CurrentValue.BatchSize).Select(r => r.Id).ToListAsync(ct);
        }
        var acted = 0;
        foreach (var id in due)
            if (await DownloadAsync(id, ct)) acted++;
        return acted;
    }

    private async Task<bool> DownloadAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RenderRequests.FirstOrDefaultAsync(r => r.Id == id && r.State == RenderState.Downloading, ct);
        if (row?.ProviderJobId is null) return false;
        var videoId = row.VideoId ??= Guid.CreateVersion7();
        var provider = await providers.GetAsync(row.ProviderId, ct);
        if (provider is null) return await RetryAsync(db, row, "The provider is not enabled.", ct);

        var keys = new Dictionary<ContentVariant, string>();
        foreach (var variant in Enum.GetValues<ContentVariant>()) keys[variant] = MediaKeys.For(row.ProjectId, videoId, variant);

        // A self-made extension downloads its continuation beside the take, then joins it to the source into the take.
        var stitch = row.StitchExtension;
        var main = await FetchVideoAsync(provider, row.ProviderJobId,
            stitch ? StitchedExtension.ContinuationKey(keys[ContentVariant.Video]) : keys[ContentVariant.Video], ct);
        if (main.Error is { } error)
        {
            if (error.Kind == ProviderErrorKind.NotFound)
            {
                row.Fail(RenderFailureReason.Expired, $"The provider no longer offers this video: {error.Message}", sweep.Now, By);
                return await sweep.SaveAsync(db, row, ct);
            }
            return await RetryAsync(db, row, error.Message, ct);
        }
        var facts = main.Facts!;
        if (stitch)
        {
            if (await stitched.StitchAsync(db, row, keys[ContentVariant.Video], ct) is not { } whole)
                return await RetryAsync(db, row, "The continuation could not be joined to the take it extends.", ct);
            facts = new FileFacts(whole.Bytes, whole.Sha256, whole.Probe);
        }
        var videoFile = storage.GetFile(keys[ContentVariant.Video])!.FullName;
        foreach (var variant in new[] { ContentVariant.Thumbnail, ContentVariant.Spritesheet })
        {
            if (!await FetchPictureAsync(provider, row.ProviderJobId, variant, keys[variant], videoFile, facts.Probe.DurationSeconds, stitch, ct))
                return await RetryAsync(db, row, $"Neither the provider nor ffmpeg gave a {variant.ToString().ToLowerInvariant()}.", ct);
        }

        var now = sweep.Now;
        var stackId = row.ParentVideoId is { } parentId
            ? await db.Videos.Where(v => v.Id == parentId).Select(v => (Guid?)v.StackId).FirstOrDefaultAsync(ct) ?? videoId
            : videoId;
        var take = new Video
        {
            Id = videoId, ProjectId = row.ProjectId, RenderRequestId = row.Id, ParentVideoId = row.ParentVideoId, StackId = stackId,
            Operation = row.Operation, ProviderId = row.ProviderId, ProviderJobId = row.ProviderJobId, Model = row.Model,
            Prompt = row.Prompt, VideoKey = keys[ContentVariant.Video], ThumbnailKey = keys[ContentVariant.Thumbnail],
            SpritesheetKey = keys[ContentVariant.Spritesheet], DurationSeconds = facts.Probe.DurationSeconds,
            Width = facts.Probe.Width, Height = facts.Probe.Height, VideoCodec = facts.Probe.VideoCodec,
            AudioCodec = facts.Probe.AudioCodec, Bytes = facts.Bytes, Sha256 = facts.Sha256, CreatedAt = now,
        };
        db.Videos.Add(take);
        RenderStateMachine.Move(row, RenderState.Ready, now, By);
        // Providers bill per second at the profile's price; the estimate is the price of what was rendered.
        row.ActualCostUsd = row.EstimatedCostUsd;
        row.NextAttemptAt = null;
        row.Attempts = 0;
        var listeners = takeListeners.ToList();
        foreach (var listener in listeners) await listener.AddingAsync(db, take, row, ct);
        if (!await sweep.SaveAsync(db, row, ct)) return false;
        foreach (var listener in listeners)
        {
            try { listener.Added(take); }
            catch (Exception ex) { log.LogWarning(ex, "A take listener failed for take {VideoId}", take.Id); }
        }
        return true;
    }

    private sealed record Fetched(ProviderError? Error, FileFacts? Facts);
    private sealed record FileFacts(long Bytes, string Sha256, ProbedVideo Probe);

    private async Task<Fetched> FetchVideoAsync(IVideoProvider provider, string jobId, string key, CancellationToken ct)
    {
        await using var write = storage.BeginWrite(key);
        string sha;
        long bytes;
        using (var hashing = new HashingStream(write.Stream))
        {
            var result = await provider.DownloadContentAsync(jobId, ContentVariant.Video, hashing, ct);
            if (!result.IsSuccess) return new(result.Error, null);
            (sha, bytes) = (hashing.HashHex(), hashing.BytesWritten);
        }
        await write.CloseAsync();
        if (bytes == 0) return new(new ProviderError(ProviderErrorKind.ProtocolError, "The provider sent an empty video."), null);
        var probed = await probe.ProbeVideoAsync(write.TempPath, ct);
        if (probed is null) return new(new ProviderError(ProviderErrorKind.ProtocolError, "The downloaded file is not a readable video."), null);
        await write.CommitAsync();
        return new(null, new FileFacts(bytes, sha, probed));
    }

    private async Task<bool> FetchPictureAsync(IVideoProvider provider, string jobId, ContentVariant variant, string key,
        string videoFile, double duration, bool localOnly, CancellationToken ct)
    {
        // The provider's pictures of a continuation show only the new segment: a joined take gets its own.
        if (!localOnly && await TryProviderPictureAsync(provider, jobId, variant, key, ct)) return true;
        await using var local = storage.BeginWrite(key);
        await local.CloseAsync();
        var made = variant == ContentVariant.Thumbnail
            ? await probe.MakeThumbnailAsync(videoFile, local.TempPath, duration, ct)
            : await probe.MakeSpritesheetAsync(videoFile, local.TempPath, duration, ct);
        if (!made || new FileInfo(local.TempPath).Length == 0) return false;
        await local.CommitAsync();
        return true;
    }

    private async Task<bool> TryProviderPictureAsync(IVideoProvider provider, string jobId, ContentVariant variant, string key,
        CancellationToken ct)
    {
        await using var write = storage.BeginWrite(key);
        var result = await provider.DownloadContentAsync(jobId, variant, write.Stream, ct);
        await write.CloseAsync();
        if (result.IsSuccess && result.Value.Bytes > 0 && await probe.IsImageAsync(write.TempPath, ct))
        {
            await write.CommitAsync();
            return true;
        }
        log.LogInformation("No usable {Variant} from the provider for {JobId} ({Error}); making one locally.", variant, jobId,
            result.IsSuccess ? "not an image" : result.Error.Kind.ToString());
        return false;
    }

    private async Task<bool> RetryAsync(VideoHubDbContext db, RenderRequest row, string message, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        row.Attempts++;
        if (row.Attempts >= settings.MaxDownloadAttempts)
        {
            row.Fail(RenderFailureReason.DownloadFailed, $"The download failed {row.Attempts} times: {message}", sweep.Now, By);
        }
        else
        {
            row.NextAttemptAt = sweep.Now + SweepSupport.Backoff(settings.DownloadRetryDelay, row.Attempts - 1, TimeSpan.FromMinutes(5));
            log.LogInformation("Download of render request {RequestId} failed ({Message}); retry at {At:O}.", row.Id, message, row.NextAttemptAt);
        }
        return await sweep.SaveAsync(db, row, ct);
    }
}
