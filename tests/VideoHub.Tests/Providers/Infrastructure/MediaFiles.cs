using System.Diagnostics;
using FFMpegCore;

namespace VideoHub.Tests.Providers.Infrastructure;

/// <summary>Test media made with ffmpeg, and ffprobe facts about rendered files.</summary>
public static class MediaFiles
{
    private static readonly string Root = CreateRoot();

    /// <summary>A new folder under this test run's media folder, which is deleted when the run ends.</summary>
    public static string TempFolder()
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "videohub-tests", "media-" + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { /* best effort */ }
        };
        return root;
    }

    /// <summary>A short clip (e.g. for a character) of the given length.</summary>
    public static async Task<string> ClipAsync(double seconds, string size = "1280x720")
    {
        var path = Path.Combine(TempFolder(), "clip.mp4");
        await RunAsync($"-f lavfi -i testsrc=size={size}:rate=25 -t {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} -c:v libx264 -preset ultrafast -pix_fmt yuv420p {path}");
        return path;
    }

    /// <summary>A still image (png/jpg/webp by extension) of the given size.</summary>
    public static async Task<string> ImageAsync(int width, int height, string extension = ".png")
    {
        var path = Path.Combine(TempFolder(), "image" + extension);
        await RunAsync($"-f lavfi -i color=c=teal:size={width}x{height} -frames:v 1 {path}");
        return path;
    }

    public static async Task<IMediaAnalysis> ProbeAsync(string path) => await FFProbe.AnalyseAsync(path);

    /// <summary>Duration as ffprobe reports it for the container.</summary>
    public static async Task<double> SecondsAsync(string path) => (await ProbeAsync(path)).Duration.TotalSeconds;

    private static async Task RunAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", "-v error -y " + arguments)
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("ffmpeg failed: " + errors);
    }
}
