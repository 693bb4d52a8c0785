using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Rendering;
using VideoHub.Hosting;
using VideoHub.Providers;
using VideoHub.Providers.Local;

namespace VideoHub.Bench;

/// <summary>
/// VideoHub's overhead: N requests through the real pipeline (Quartz sweeps, SQLite rows, verified downloads) against
/// the mounted local provider in fast mode with concurrency C, versus a bare loop of C workers doing create / poll /
/// download with the same OpenAI-compatible client against the same provider, with nothing of VideoHub around it.
/// Reports the wall time of each, their ratio, and the provider HTTP calls per render (counted at the provider).
/// </summary>
public static class ThroughputBenchmark
{
    private static long providerCalls;

    public static async Task RunAsync(int requests = 200, int concurrency = 20)
    {
        var folder = BenchProvider.TempFolder("throughput");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(VideoHubPipeline).Assembly.GetName().Name,
            Args =
            [
                "--contentRoot", PipelineBenchmark.RepositoryRoot(), "--urls", "http://127.0.0.1:0", "--Data:Path", folder,
                "--environment", "Production", "--Logging:LogLevel:Default", "Warning",
                // Fast mode: no emulated render pace or queue wait; ffmpeg renders as fast as the cores allow.
                "--LocalProvider:RenderSecondsPerVideoSecond", "0", "--LocalProvider:QueuedDelay", "00:00:00",
                "--LocalProvider:ProgressInterval", "00:00:00.050", "--LocalProvider:PollAfterMs", "100",
                "--LocalProvider:MaxConcurrentRenders", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--LocalProvider:Preset", Environment.GetEnvironmentVariable("BENCH_PRESET") ?? "ultrafast",
                "--Rendering:BatchSize", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ],
        });
        builder.Services.AddSingleton<IStartupFilter, CountProviderCalls>();
        builder.AddVideoHub();
        await using var app = builder.Build();
        app.MapVideoHub();
        await app.StartAsync();
        try
        {
            await ConfigureProviderAsync(app.Services, concurrency);
            await BareLoopAsync(app.Services, 2, Path.Combine(folder, "warmup"), count: 2); // JIT, ffmpeg and disk caches

            var (bareTime, bareCalls) = await MeasureAsync(() => BareLoopAsync(app.Services, concurrency, Path.Combine(folder, "bare"), requests));
            Console.WriteLine($"  (bare loop done: {bareTime.TotalSeconds:0.0} s; load average {LoadAverage()})");
            var (pipeTime, pipeCalls) = await MeasureAsync(() => PipelineAsync(app.Services, requests));

            Console.WriteLine($"Throughput, {requests} x 4 s 1280x720, concurrency {concurrency}, local provider in fast mode, {Environment.ProcessorCount} cores");
            Console.WriteLine($"  bare client loop : {bareTime.TotalSeconds,6:0.0} s, {(double)bareCalls / requests:0.0} provider calls per render");
            Console.WriteLine($"  VideoHub pipeline: {pipeTime.TotalSeconds,6:0.0} s, {(double)pipeCalls / requests:0.0} provider calls per render");
            Console.WriteLine($"  ratio pipeline/bare: {pipeTime / bareTime:0.00} (goal <= 1.30); load average at the end {LoadAverage()}");
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<(TimeSpan, long)> MeasureAsync(Func<Task> run)
    {
        var before = Interlocked.Read(ref providerCalls);
        var clock = Stopwatch.StartNew();
        await run();
        return (clock.Elapsed, Interlocked.Read(ref providerCalls) - before);
    }

    /// <summary>The local provider's row: VideoHub may run <paramref name="concurrency"/> renders at once, with a high rate limit.</summary>
    private static async Task ConfigureProviderAsync(IServiceProvider services, int concurrency)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        var local = await db.Providers.SingleAsync(p => p.Id == "local");
        local.MaxConcurrentRenders = concurrency;
        local.RequestsPerMinute = 10_000;
        await db.SaveChangesAsync();
    }

    private static async Task BareLoopAsync(IServiceProvider services, int concurrency, string folder, int count = 8)
    {
        Directory.CreateDirectory(folder);
        await using var scope = services.CreateAsyncScope();
        var provider = await scope.ServiceProvider.GetRequiredService<VideoProviderRegistry>().GetAsync("local")
            ?? throw new InvalidOperationException("The local provider is not enabled.");
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < count)
            {
                var job = (await provider.CreateVideoAsync(new VideoCreateRequest($"bare take {i}") { Model = "sora-2", Size = "1280x720", Seconds = 4 }))
                    .GetValueOrThrow();
                while (!job.IsTerminal)
                {
                    await Task.Delay(job.PollAfter ?? TimeSpan.FromMilliseconds(200));
                    job = (await provider.GetVideoAsync(job.Id)).GetValueOrThrow();
                }
                if (job.Status != ProviderVideoStatus.Completed) throw new InvalidOperationException($"Render {job.Id} failed: {job.Error?.Message}");
                foreach (var variant in Enum.GetValues<ContentVariant>())
                {
                    await using var file = File.Create(Path.Combine(folder, $"{i}-{variant}"));
                    (await provider.DownloadContentAsync(job.Id, variant, file)).GetValueOrThrow();
                }
            }
        });
        await Task.WhenAll(workers);
    }

    private static async Task PipelineAsync(IServiceProvider services, int count)
    {
        var admin = new Actor("bench-admin", "bench", IsAdmin: true);
        var projectId = await PipelineBenchmark.SeedProjectAsync(services, budget: 100_000);
        var ids = new List<Guid>();
        await using (var scope = services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<RenderRequestService>();
            for (var i = 0; i < count; i++)
            {
                var created = await service.CreateAsync(admin, new NewRenderRequest(projectId, RenderOperation.Create,
                    $"pipeline take {i}", "local", "sora-2", "1280x720", 4, PreCheckVerdict.Allowed, "{}"));
                ids.Add(created.Value!.Id);
            }
        }
        var rows = await PipelineBenchmark.UntilFinishedAsync(services, ids);
        var failed = rows.Count(r => r.State != RenderState.Ready);
        if (failed > 0) Console.WriteLine($"  warning: {failed} pipeline renders did not end Ready");
    }

    /// <summary>Counts every HTTP request the mounted local provider receives.</summary>
    private sealed class CountProviderCalls : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate inner) =>
            {
                if (http.Request.Path.StartsWithSegments(LocalProviderAddress.MountPath)) Interlocked.Increment(ref providerCalls);
                return inner(http);
            });
            next(app);
        };
    }
}
