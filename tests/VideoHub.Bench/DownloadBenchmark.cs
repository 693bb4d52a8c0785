using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Providers;
using VideoHub.Providers.Local;

namespace VideoHub.Bench;

/// <summary>
/// Memory of streaming a large content download to disk through the client: each size runs in its own process
/// (so peak working set is that download's alone), against the local provider serving a completed job whose MP4
/// is a sparse file of that size. Flat means the 1 GB peak is about the 100 MB peak.
/// </summary>
public static class DownloadBenchmark
{
    /// <param name="PeakGcHeap">Largest GC heap seen, garbage included (sampled every 5 ms).</param>
    /// <param name="PeakHeapAfterGc">Largest heap size right after a collection: what stays live.</param>
    public sealed record Result(long Megabytes, double Seconds, long PeakWorkingSet, long PeakGcHeap, long PeakHeapAfterGc,
        int Collections, long Allocated);

    public static async Task RunAsync()
    {
        var small = await RunInChildAsync(100);
        var large = await RunInChildAsync(1024);
        Console.WriteLine("Streaming a content download to disk through the client (own process per size)");
        Console.WriteLine("     MB | MB/s | peak working set | peak GC heap | heap after GC | gen0 GCs | allocated");
        foreach (var r in new[] { small, large })
            Console.WriteLine($"  {r.Megabytes,5} | {r.Megabytes / r.Seconds,4:0} | {Mb(r.PeakWorkingSet),13:0.0} MB | {Mb(r.PeakGcHeap),9:0.0} MB | " +
                              $"{Mb(r.PeakHeapAfterGc),10:0.0} MB | {r.Collections,8} | {Mb(r.Allocated),6:0.0} MB");
        Console.WriteLine($"  ratio 1 GB / 100 MB (file size ratio 10.24): working set {(double)large.PeakWorkingSet / small.PeakWorkingSet:0.00}, " +
                          $"peak GC heap {(double)large.PeakGcHeap / small.PeakGcHeap:0.00}, heap after GC {(double)large.PeakHeapAfterGc / small.PeakHeapAfterGc:0.00}");
    }

    public static async Task RunChildAsync(long megabytes)
    {
        var folder = BenchProvider.TempFolder("download");
        try
        {
            await using var host = await BenchProvider.StartAsync(folder);
            var id = SeedSparseVideo(host, megabytes * 1024 * 1024);
            var client = BenchProvider.Client(host);
            long peakHeap = 0, peakAfterGc = 0;
            var collections = GC.CollectionCount(0);
            using var sampler = new Timer(_ =>
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakAfterGc = Math.Max(peakAfterGc, GC.GetGCMemoryInfo().HeapSizeBytes);
            }, null, 0, 5);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            await using (var file = new FileStream(Path.Combine(folder, "download.mp4"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                var download = (await client.DownloadContentAsync(id, ContentVariant.Video, file)).GetValueOrThrow();
                if (download.Bytes != megabytes * 1024 * 1024) throw new InvalidOperationException("short download");
            }
            var seconds = clock.Elapsed.TotalSeconds;
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
            peakAfterGc = Math.Max(peakAfterGc, GC.GetGCMemoryInfo().HeapSizeBytes);
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine(JsonSerializer.Serialize(new Result(megabytes, seconds, self.PeakWorkingSet64, peakHeap, peakAfterGc,
                GC.CollectionCount(0) - collections, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string SeedSparseVideo(LocalProviderHost host, long bytes)
    {
        var store = host.Services.GetRequiredService<LocalProviderStore>();
        var id = LocalProviderStore.NewId("video_");
        var media = store.Paths.Media(id);
        Directory.CreateDirectory(media);
        using (var file = File.Create(Path.Combine(media, LocalRenderer.VideoFile))) file.SetLength(bytes); // sparse: no disk used
        var now = DateTimeOffset.UtcNow;
        store.Jobs.Put(new LocalJob
        {
            Id = id, Model = "sora-2", Prompt = "large", Size = "1280x720", Seconds = 20, Status = LocalStatus.Completed,
            Progress = 100, CreatedAt = now, CompletedAt = now, ExpiresAt = now.AddHours(1),
        });
        return id;
    }

    private static async Task<Result> RunInChildAsync(long megabytes)
    {
        var self = Environment.ProcessPath!;
        var arguments = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? $"\"{typeof(DownloadBenchmark).Assembly.Location}\" download-child {megabytes}"
            : $"download-child {megabytes}";
        var start = new ProcessStartInfo(self, arguments) { RedirectStandardOutput = true, UseShellExecute = false };
        // A small fixed gen0 budget (2 MB) so garbage is collected as it would be under load, and the peak heap
        // shows what the download keeps alive rather than how long the GC waited.
        start.Environment["DOTNET_GCgen0size"] = "0x200000";
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"download child failed ({child.ExitCode}): {output}");
        return JsonSerializer.Deserialize<Result>(output.Trim().Split('\n')[^1])!;
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;
}
