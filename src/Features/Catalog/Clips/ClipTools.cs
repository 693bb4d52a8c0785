using System.Globalization;
using FFMpegCore;

namespace VideoHub.Features.Catalog.Clips;

/// <summary>The ffmpeg work of the catalog: the fix the user confirmed (trim, scale, pad or crop) and the poster frame.</summary>
public sealed class ClipTools(ILogger<ClipTools> log)
{
    public async Task<bool> FixAsync(string input, string output, ClipFix fix, ClipFacts target, CancellationToken ct)
    {
        var w = target.Width;
        var h = target.Height;
        var fit = fix.Fit == ClipFit.Crop
            ? $"scale={w}:{h}:force_original_aspect_ratio=increase,crop={w}:{h}"
            : $"scale={w}:{h}:force_original_aspect_ratio=decrease,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2";
        var start = fix.StartSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var length = fix.LengthSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return await RunAsync(FFMpegArguments.FromFileInput(input, true, o => o.WithCustomArgument($"-ss {start}"))
            .OutputToFile(output, true, o => o.WithCustomArgument(
                $"-t {length} -vf \"{fit},setsar=1,format=yuv420p\" -c:v libx264 -preset veryfast -c:a aac -movflags +faststart")
                .ForceFormat("mp4")), ct);
    }

    public async Task<bool> PosterAsync(string video, string output, double durationSeconds, CancellationToken ct)
    {
        var at = Math.Max(0, durationSeconds / 2).ToString("0.###", CultureInfo.InvariantCulture);
        return await RunAsync(FFMpegArguments.FromFileInput(video, true, o => o.WithCustomArgument($"-ss {at}"))
            .OutputToFile(output, true, o => o.WithCustomArgument("-frames:v 1 -q:v 3").ForceFormat("image2")), ct);
    }

    private async Task<bool> RunAsync(FFMpegArgumentProcessor processor, CancellationToken ct)
    {
        try
        {
            var result = await processor.CancellableThrough(ct).ProcessAsynchronously(throwOnError: false);
            if (!result.Success) log.LogWarning("ffmpeg failed on a catalog clip: exit {Code}", result.ExitCode);
            return result.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("ffmpeg failed on a catalog clip: {Error}", ex.Message);
            return false;
        }
    }
}
