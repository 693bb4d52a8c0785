using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Logging;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Gallery.Sharing;
using VideoHub.Media;

namespace VideoHub.Bench;

/// <summary>
/// A 1 GB take through the media endpoint (a share link's, which runs the same delivery code as the members'
/// route plus its link checks) against ASP.NET Core's static file middleware serving the same file from another
/// Kestrel in this process; then memory while 20 clients download ranges of it at once.
/// </summary>
public static class MediaStreamBenchmark
{
    private const long FileBytes = 1024L * 1024 * 1024;
    private const int Rounds = 5;

    public static async Task RunAsync()
    {
        var folder = BenchProvider.TempFolder("media");
        await using var app = await BenchApp.StartAsync(folder);
        try
        {
            var (admin, projectId) = await BenchApp.SeedUserAndProjectAsync(app.Services);
            var take = await SeedLargeTakeAsync(app.Services, projectId);
            var file = app.Services.GetRequiredService<IMediaStorage>().GetFile(take.VideoKey)!;
            // The static server's root is the take's own folder, so both serve the very same file.
            await using var staticServer = await StartStaticServerAsync(file.DirectoryName!);
            await using var scope = app.Services.CreateAsyncScope();
            var link = (await scope.ServiceProvider.GetRequiredService<ShareLinkService>()
                .CreateForTakeAsync(admin, take.Id, new ShareLinkInput { Label = "bench" })).Value!;
            var mediaUrl = $"{BenchApp.BaseUrl(app)}{link.Path}/media/{take.Id}/video";
            var staticUrl = $"{staticServer.Urls.First()}/video.mp4";
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };

            await DownloadAsync(http, mediaUrl, null); // warm-up both paths
            await DownloadAsync(http, staticUrl, null);
            var media = new List<double>();
            var statics = new List<double>();
            for (var i = 0; i < Rounds; i++)
            {
                // Alternate which server goes first, so neither always follows the other's warm page cache or a load spike.
                if (i % 2 == 1) statics.Add(await DownloadAsync(http, staticUrl, null));
                media.Add(await DownloadAsync(http, mediaUrl, null));
                if (i % 2 == 0) statics.Add(await DownloadAsync(http, staticUrl, null));
            }
            var mediaMbps = FileBytes / 1048576.0 / media.Order().ElementAt(Rounds / 2);
            var staticMbps = FileBytes / 1048576.0 / statics.Order().ElementAt(Rounds / 2);
            Console.WriteLine($"Streaming a 1 GB take (median of {Rounds}), {Environment.ProcessorCount} cores");
            Console.WriteLine($"  media endpoint {mediaMbps:0} MB/s, static file middleware {staticMbps:0} MB/s, ratio {mediaMbps / staticMbps:0.00} (goal >= 0.9)");

            await MeasureConcurrentRangesAsync(http, mediaUrl);
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static async Task MeasureConcurrentRangesAsync(HttpClient http, string url)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var baseWorkingSet = self.WorkingSet64;
        var baseHeap = GC.GetTotalMemory(true);
        long peakWorkingSet = baseWorkingSet, peakHeap = baseHeap;
        using var sampler = new Timer(_ =>
        {
            using var p = Process.GetCurrentProcess();
            peakWorkingSet = Math.Max(peakWorkingSet, p.WorkingSet64);
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
        }, null, 0, 10);
        const int clients = 20;
        var slice = FileBytes / clients;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => DownloadAsync(http, url, (i * slice, (i + 1) * slice - 1))));
        var seconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(50);
        Console.WriteLine($"  20 concurrent range downloads of 51 MB each ({FileBytes / 1048576.0 / seconds:0} MB/s total): " +
            $"working set +{(peakWorkingSet - baseWorkingSet) / 1048576.0:0.0} MB, GC heap +{(peakHeap - baseHeap) / 1048576.0:0.0} MB (goal < 50 MB)");
    }

    /// <summary>Downloads and discards the body in 80 KB reads; returns seconds.</summary>
    private static async Task<double> DownloadAsync(HttpClient http, string url, (long From, long To)? range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (range is { } r) request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(r.From, r.To);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0) total += read;
        var expected = range is { } x ? x.To - x.From + 1 : FileBytes;
        if (total != expected) throw new InvalidOperationException($"short download: {total} of {expected}");
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<WebApplication> StartStaticServerAsync(string root)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root, ExclusionFilters.None),
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<Video> SeedLargeTakeAsync(IServiceProvider services, Guid projectId)
    {
        var storage = services.GetRequiredService<IMediaStorage>();
        var now = DateTime.UtcNow;
        var request = new RenderRequest { ProjectId = projectId, AuthorId = "bench", AuthorName = "bench", Prompt = "large", ProviderId = "local",
            Model = "sora-2", Size = "1280x720", Seconds = 20, State = RenderState.Ready, CreatedAt = now, UpdatedAt = now };
        var take = new Video { ProjectId = projectId, RenderRequestId = request.Id, ProviderId = "local", ProviderJobId = "j", Model = "sora-2",
            Prompt = "large", Bytes = FileBytes, CreatedAt = now, Sha256 = new string('a', 64) };
        take.StackId = take.Id;
        take.VideoKey = MediaKeys.For(projectId, take.Id, VideoHub.Providers.ContentVariant.Video);
        await using (var write = storage.BeginWrite(take.VideoKey))
        {
            ((FileStream)write.Stream).SetLength(FileBytes); // sparse: reads come from the page cache, so this measures the server
            await write.CommitAsync();
        }
        request.VideoId = take.Id;
        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        db.RenderRequests.Add(request);
        db.Videos.Add(take);
        await db.SaveChangesAsync();
        return take;
    }
}
