using System.Diagnostics;
using System.Globalization;

namespace VideoHub.Tests.Features.Catalog;

/// <summary>Real clips made with ffmpeg for upload tests.</summary>
public static class TestClips
{
    public static async Task<string> VideoAsync(string folder, int width, int height, double seconds, string extension = ".mp4")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"clip-{width}x{height}-{seconds}-{Guid.NewGuid():N}{extension}");
        var codec = extension == ".webm" ? "-c:v libvpx -b:v 500k" : "-c:v libx264 -preset veryfast -crf 30 -pix_fmt yuv420p";
        await RunAsync($"-y -f lavfi -i testsrc2=size={width}x{height}:rate=25 -t {S(seconds)} {codec} \"{path}\"");
        return path;
    }

    /// <summary>An MP4 with sound and no picture.</summary>
    public static async Task<string> AudioOnlyAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"audio-{Guid.NewGuid():N}.mp4");
        await RunAsync($"-y -f lavfi -i sine=frequency=440:duration=3 -c:a aac \"{path}\"");
        return path;
    }

    private static string S(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static async Task RunAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", "-hide_banner -loglevel error " + arguments)
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("ffmpeg failed: " + error);
    }
}
