using System.Collections.Concurrent;

namespace VideoHub.Media;

/// <summary>
/// The poster (the first frame, full size) is made from the video on first request and kept beside it. A video
/// ffmpeg cannot read gets its thumbnail as poster, and is not retried until the app restarts.
/// </summary>
public sealed class PosterMaker(IMediaStorage storage, MediaProbe probe)
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> locks = new();
    private readonly ConcurrentDictionary<Guid, bool> failed = new();

    public static string KeyFor(MediaTake take) => $"projects/{take.ProjectId:N}/videos/{take.Id:N}/poster.jpg";

    public async Task<FileInfo?> GetAsync(MediaTake take, CancellationToken ct)
    {
        var key = KeyFor(take);
        if (storage.GetFile(key) is { } ready) return ready;
        if (!failed.ContainsKey(take.Id) && storage.GetFile(take.VideoKey) is { } video)
        {
            var gate = locks.GetOrAdd(take.Id, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
            try
            {
                if (storage.GetFile(key) is { } madeMeanwhile) return madeMeanwhile;
                await using var write = storage.BeginWrite(key);
                await write.CloseAsync();
                if (await probe.MakeThumbnailAsync(video.FullName, write.TempPath, 0, ct) && new FileInfo(write.TempPath).Length > 0)
                {
                    await write.CommitAsync();
                    return storage.GetFile(key);
                }
                failed[take.Id] = true;
            }
            finally
            {
                gate.Release();
                locks.TryRemove(take.Id, out _);
            }
        }
        return string.IsNullOrEmpty(take.ThumbnailKey) ? null : storage.GetFile(take.ThumbnailKey);
    }
}
