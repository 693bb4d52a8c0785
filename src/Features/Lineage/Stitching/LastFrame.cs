using FFMpegCore;
using VideoHub.Media;

namespace VideoHub.Features.Lineage.Stitching;

/// <summary>The last frame of a take as a PNG in media storage (an image reference for what continues it).</summary>
public static class LastFrame
{
    /// <summary>True when the frame is stored under <paramref name="key"/> (made now, or already there from an earlier run).</summary>
    public static async Task<bool> ExtractAsync(IMediaStorage storage, string video, string key, CancellationToken ct)
    {
        if (storage.Exists(key)) return true;
        await using var write = storage.BeginWrite(key);
        await write.CloseAsync();
        // Seek close to the end and keep overwriting one image: what remains is the very last frame.
        var result = await FFMpegArguments.FromFileInput(video, true, o => o.WithCustomArgument("-sseof -1"))
            .OutputToFile(write.TempPath, true, o => o.WithCustomArgument("-update 1 -c:v png").ForceFormat("image2"))
            .CancellableThrough(ct).ProcessAsynchronously(throwOnError: false);
        if (!result.Success || new FileInfo(write.TempPath).Length == 0) return false;
        await write.CommitAsync();
        return true;
    }
}
