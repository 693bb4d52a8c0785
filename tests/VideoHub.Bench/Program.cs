using VideoHub.Bench;

// Usage: VideoHub.Bench [render|download|pipeline|throughput [requests] [concurrency]|gallery|media|batch [rows]|all]   (default all)
//        VideoHub.Bench download-child <megabytes>   (internal: one download measured in its own process)
var mode = args.FirstOrDefault() ?? "all";
switch (mode)
{
    case "download-child":
        await DownloadBenchmark.RunChildAsync(long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "render":
        await RenderBenchmark.RunAsync();
        return 0;
    case "download":
        await DownloadBenchmark.RunAsync();
        return 0;
    case "pipeline":
        await PipelineBenchmark.RunAsync();
        return 0;
    case "throughput": // [requests (200)] [concurrency (20)]
        await ThroughputBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
        return 0;
    case "gallery":
        await GalleryBenchmark.RunAsync();
        return 0;
    case "media":
        await MediaStreamBenchmark.RunAsync();
        return 0;
    case "batch":
        await BatchBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
        return 0;
    case "all":
        await RenderBenchmark.RunAsync();
        await DownloadBenchmark.RunAsync();
        await PipelineBenchmark.RunAsync();
        await ThroughputBenchmark.RunAsync();
        await GalleryBenchmark.RunAsync();
        await MediaStreamBenchmark.RunAsync();
        return 0;
    default:
        Console.Error.WriteLine("usage: VideoHub.Bench [render|download|pipeline|throughput [requests] [concurrency]|gallery|media|batch [rows]|all]");
        return 2;
}
