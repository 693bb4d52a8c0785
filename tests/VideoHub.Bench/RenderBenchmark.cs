using System.Diagnostics;
using VideoHub.Providers;

namespace VideoHub.Bench;

/// <summary>
/// Local rendering speed: seconds of 1280x720 video produced per wall-clock second, from the create call to a
/// completed job with its MP4, thumbnail and sprite sheet, one job at a time (MaxConcurrentRenders = 1).
/// </summary>
public static class RenderBenchmark
{
    public static async Task RunAsync()
    {
        var folder = BenchProvider.TempFolder("render");
        await using var host = await BenchProvider.StartAsync(folder);
        var client = BenchProvider.Client(host);
        await RenderAsync(client, 4); // warm-up: JIT, ffmpeg and font caches

        Console.WriteLine($"Local rendering, 1280x720, preset {Environment.GetEnvironmentVariable("BENCH_PRESET") ?? "ultrafast"}, {Environment.ProcessorCount} cores");
        Console.WriteLine("  clip s | runs | wall s (median) | video s per wall s");
        double totalVideo = 0, totalWall = 0;
        foreach (var seconds in new[] { 4, 8, 20 })
        {
            var walls = new List<double>();
            for (var i = 0; i < 3; i++) walls.Add(await RenderAsync(client, seconds));
            walls.Sort();
            totalVideo += 3 * seconds;
            totalWall += walls.Sum();
            Console.WriteLine($"  {seconds,6} | {3,4} | {walls[1],15:0.00} | {seconds / walls[1],18:0.00}");
        }
        Console.WriteLine($"  overall: {totalVideo / totalWall:0.00} seconds of video per wall-clock second");
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<double> RenderAsync(IVideoProvider client, int seconds)
    {
        var clock = Stopwatch.StartNew();
        var created = (await client.CreateVideoAsync(new VideoCreateRequest($"benchmark clip of {seconds} seconds")
        {
            Size = "1280x720", Seconds = seconds,
        })).GetValueOrThrow();
        while (true)
        {
            var video = (await client.GetVideoAsync(created.Id)).GetValueOrThrow();
            if (video.Status == ProviderVideoStatus.Completed) return clock.Elapsed.TotalSeconds;
            if (video.IsTerminal) throw new InvalidOperationException($"render failed: {video.Error}");
            await Task.Delay(20);
        }
    }
}
