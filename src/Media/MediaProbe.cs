using FFMpegCore;

namespace VideoHub.Media;

public sealed record ProbedVideo(double DurationSeconds, int Width, int Height, string? VideoCodec, string? AudioCodec);

/// <summary>ffprobe and ffmpeg through FFMpegCore: is this a readable video, and local pictures when a provider has none.</summary>
public sealed class MediaProbe(ILogger<MediaProbe> log)
{
    /// <summary>The facts of a video file, or null when ffprobe cannot read it as one.</summary>
    public async Task<ProbedVideo?> ProbeVideoAsync(string path, CancellationToken ct)
    {
        try
        {
            var info = await FFProbe.AnalyseAsync(path, cancellationToken: ct);
            var video = info.PrimaryVideoStream;
            if (video is null || info.Duration <= TimeSpan.Zero) return null;
            return new ProbedVideo(info.Duration.TotalSeconds, video.Width ?? 0, video.Height ?? 0, video.CodecName,
                info.PrimaryAudioStream?.CodecName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogInformation("ffprobe could not read {File}: {Error}", Path.GetFileName(path), ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Whether the file is an image: a JPEG, PNG or WebP header with a size is enough (read in-process, since a take
    /// brings two pictures and an ffprobe process each cost more than the rest of its download); anything else is
    /// left to ffprobe.
    /// </summary>
    public async Task<bool> IsImageAsync(string path, CancellationToken ct)
    {
        if (await ReadsAsImageAsync(path, ct)) return true;
        try
        {
            var info = await FFProbe.AnalyseAsync(path, cancellationToken: ct);
            return info.PrimaryVideoStream is { Width: > 0 };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> ReadsAsImageAsync(string path, CancellationToken ct)
    {
        var buffer = new byte[ImageHeader.BytesNeeded];
        int read;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous))
            read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return ImageHeader.Read(buffer.AsSpan(0, read)) is { Width: > 0, Height: > 0 };
    }

    public async Task<bool> MakeThumbnailAsync(string video, string output, double durationSeconds, CancellationToken ct)
    {
        var at = Math.Max(0, durationSeconds / 2).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        return await RunAsync(FFMpegArguments.FromFileInput(video, true, o => o.WithCustomArgument($"-ss {at}"))
            .OutputToFile(output, true, o => o.WithCustomArgument("-frames:v 1 -q:v 3").ForceFormat("image2")), ct);
    }

    public async Task<bool> MakeSpritesheetAsync(string video, string output, double durationSeconds, CancellationToken ct)
    {
        var fps = (8 / Math.Max(1, durationSeconds)).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        return await RunAsync(FFMpegArguments.FromFileInput(video)
            .OutputToFile(output, true, o => o.WithCustomArgument($"-vf fps={fps},scale=320:-2,tile=4x2 -frames:v 1 -q:v 4")
                .ForceFormat("image2")), ct);
    }

    private async Task<bool> RunAsync(FFMpegArgumentProcessor processor, CancellationToken ct)
    {
        try
        {
            var result = await processor.CancellableThrough(ct).ProcessAsynchronously(throwOnError: false);
            return result.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("ffmpeg failed: {Error}", ex.Message);
            return false;
        }
    }
}
