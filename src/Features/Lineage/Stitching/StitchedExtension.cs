using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Media;
using VideoHub.Providers;

namespace VideoHub.Features.Lineage.Stitching;

/// <summary>
/// Extension on a provider without an extend operation (<see cref="RenderRequest.StitchExtension"/>): the submit job
/// sends a create with the source's last frame as image reference, at the source's size; the download job fetches that
/// continuation beside the take's file and joins source and continuation into the take. Every step is keyed by the
/// request's ids and redone from the row after a restart: the frame is extracted again if missing, the continuation
/// downloaded again, the join written again.
/// </summary>
public sealed class StitchedExtension(IMediaStorage storage, VideoStitcher stitcher, ILogger<StitchedExtension> log)
{
    public static string FrameKey(RenderRequest row) => $"projects/{row.ProjectId:N}/references/{row.Id:N}-last-frame.png";

    /// <summary>Where the continuation is downloaded before the join: beside the take's own file.</summary>
    public static string ContinuationKey(string videoKey) => videoKey[..(videoKey.LastIndexOf('/') + 1)] + "continuation.mp4";

    public async Task<ProviderResult<ProviderVideo>> PostContinuationAsync(VideoHubDbContext db, IVideoProvider provider, RenderRequest row,
        CancellationToken ct)
    {
        var source = await SourceFileAsync(db, row, ct);
        if (source is null)
            return new ProviderError(ProviderErrorKind.InvalidRequest, "The take this extension continues no longer exists.");
        var frameKey = FrameKey(row);
        if (!await LastFrame.ExtractAsync(storage, source, frameKey, ct))
            return new ProviderError(ProviderErrorKind.InvalidRequest, "The last frame of the take could not be read.");

        var frame = storage.GetFile(frameKey)!;
        await using var image = frame.OpenRead();
        return await provider.CreateVideoAsync(new VideoCreateRequest(row.Prompt)
        {
            Model = row.Model, Size = row.Size, Seconds = row.Seconds, IdempotencyKey = row.ClientToken,
            ImageReference = ImageReference.FromUpload(new UploadFile(image, "last-frame.png", "image/png")),
        }, ct);
    }

    /// <summary>Joins the source take and the downloaded continuation into <paramref name="videoKey"/>; null when it failed.</summary>
    public async Task<StitchedFile?> StitchAsync(VideoHubDbContext db, RenderRequest row, string videoKey, CancellationToken ct)
    {
        var source = await SourceFileAsync(db, row, ct);
        var continuation = storage.GetFile(ContinuationKey(videoKey))?.FullName;
        if (source is null || continuation is null) return null;
        await using var write = storage.BeginWrite(videoKey);
        await write.CloseAsync();
        var joined = await stitcher.JoinAsync([source, continuation], write.TempPath, ct);
        if (joined is null) return null;
        await write.CommitAsync();
        log.LogInformation("Joined extension {RequestId} to its source ({Mode}), {Seconds:0.##} s in all.", row.Id,
            joined.StreamCopied ? "stream copy" : "re-encoded", joined.Probe.DurationSeconds);
        await storage.DeleteAsync(ContinuationKey(videoKey), ct);
        await storage.DeleteAsync(FrameKey(row), ct);
        return joined;
    }

    private async Task<string?> SourceFileAsync(VideoHubDbContext db, RenderRequest row, CancellationToken ct)
    {
        var key = await db.Videos.AsNoTracking().Where(v => v.Id == row.ParentVideoId && v.ProjectId == row.ProjectId)
            .Select(v => v.VideoKey).FirstOrDefaultAsync(ct);
        return key is null ? null : storage.GetFile(key)?.FullName;
    }
}
