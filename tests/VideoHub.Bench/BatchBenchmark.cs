using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoHub.Data;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Batches;
using VideoHub.Hosting;
using VideoHub.Providers;

namespace VideoHub.Bench;

/// <summary>
/// A batch of N rows (default 1,000) in direct mode through the real app, its Quartz sweeps and the mounted local
/// provider in fast mode. Reports wall time against the ideal the provider's limits allow (requests per minute, and
/// concurrent renders × one render's time at the provider), database writes per render (SaveChanges calls and write
/// commands, counted by an EF interceptor) and the process's peak memory.
/// </summary>
public static class BatchBenchmark
{
    public static async Task RunAsync(int rows = 1000)
    {
        var folder = BenchProvider.TempFolder("batch");
        var counter = new WriteCounter();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(VideoHubPipeline).Assembly.GetName().Name,
            Args =
            [
                "--contentRoot", PipelineBenchmark.RepositoryRoot(), "--urls", "http://127.0.0.1:0", "--Data:Path", folder, "--environment", "Production",
                "--LocalProvider:RenderSecondsPerVideoSecond", "0", "--LocalProvider:QueuedDelay", "00:00:00",
                "--LocalProvider:PollAfterMs", "100", "--LocalProvider:Preset", Environment.GetEnvironmentVariable("BENCH_PRESET") ?? "ultrafast",
                "--Rendering:SubmitInterval", "00:00:00.250", "--Rendering:PollInterval", "00:00:00.250",
                "--Rendering:DownloadInterval", "00:00:00.250", "--Rendering:PollMinInterval", "00:00:00.200",
                "--Rendering:PollMaxInterval", "00:00:01", "--Logging:LogLevel:Default", "Warning",
            ],
        });
        builder.AddVideoHub();
        builder.Services.ConfigureDbContext<VideoHubDbContext>(o => o.AddInterceptors(counter, counter.Commands));
        await using var app = builder.Build();
        app.MapVideoHub();
        await app.StartAsync();
        try
        {
            var limits = await LimitsAsync(app.Services);
            var single = await OneRenderAtTheProviderAsync(app.Services);
            var owner = new Actor("bench-admin", "bench", IsAdmin: true);
            var projectId = await SeedProjectAsync(app.Services);
            var draft = new BatchDraft("Benchmark batch", BatchMode.Direct, BatchSource.File,
                Enumerable.Range(1, rows).Select(i => new BatchRowInput(i + 1, $"row-{i}", $"benchmark batch take {i}")).ToList());

            counter.Reset();
            var clock = Stopwatch.StartNew();
            Guid batchId;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var created = await scope.ServiceProvider.GetRequiredService<BatchService>().CreateAsync(owner, projectId, draft, false);
                batchId = created.Value;
                if (!created.Succeeded) throw new InvalidOperationException(created.Message);
            }
            var createdIn = clock.Elapsed;
            var (saves, commands) = (counter.Saves, counter.Commands.Writes);
            var done = await UntilFinishedAsync(app.Services, batchId);
            clock.Stop();

            var ready = done.Count(r => r.State == RenderState.Ready);
            var finished = done.Count(r => RenderStateMachine.IsTerminal(r.State));
            if (finished < rows) Console.WriteLine($"  STOPPED at the time limit (BENCH_MAX_MINUTES): {finished}/{rows} rows finished; figures below are for those rows");
            var byRpm = TimeSpan.FromMinutes((double)finished / limits.RequestsPerMinute);
            var byRenders = single * finished / limits.MaxConcurrentRenders;
            var ideal = byRpm > byRenders ? byRpm : byRenders;
            using var self = Process.GetCurrentProcess();
            Console.WriteLine($"Batch, {rows} x 4 s 1280x720 in direct mode through the scheduler, {Environment.ProcessorCount} cores");
            Console.WriteLine($"  ready {ready}/{rows} in {clock.Elapsed.TotalSeconds:0.0} s ({ready / clock.Elapsed.TotalMinutes:0.0} takes/min); created and pre-checked in {createdIn.TotalSeconds:0.0} s");
            Console.WriteLine($"  provider limits: {limits.MaxConcurrentRenders} concurrent, {limits.RequestsPerMinute} RPM; one render at the provider {single.TotalSeconds:0.00} s");
            Console.WriteLine($"  ideal {ideal.TotalSeconds:0.0} s (RPM bound {byRpm.TotalSeconds:0.0} s, render bound {byRenders.TotalSeconds:0.0} s) => actual/ideal {clock.Elapsed / ideal:0.00}");
            Console.WriteLine($"  database writes per render: {(double)counter.Saves / Math.Max(1, finished):0.0} SaveChanges, {(double)counter.Commands.Writes / Math.Max(1, finished):0.0} write commands " +
                $"(creating the batch: {saves} SaveChanges, {commands} commands)");
            Console.WriteLine($"  peak working set {self.PeakWorkingSet64 / 1024 / 1024} MB (app + local provider in one process)");
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static async Task<(int MaxConcurrentRenders, int RequestsPerMinute)> LimitsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        var local = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == "local");
        return (local.MaxConcurrentRenders, local.RequestsPerMinute);
    }

    /// <summary>One render straight at the provider, alone, create to completed: what each slot costs at best.</summary>
    private static async Task<TimeSpan> OneRenderAtTheProviderAsync(IServiceProvider services)
    {
        var provider = (await services.GetRequiredService<VideoProviderRegistry>().GetAsync("local"))!;
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            var job = (await provider.CreateVideoAsync(new VideoCreateRequest($"calibration {i}") { Model = "sora-2", Size = "1280x720", Seconds = 4 })).GetValueOrThrow();
            while (!job.IsTerminal)
            {
                await Task.Delay(20);
                job = (await provider.GetVideoAsync(job.Id)).GetValueOrThrow();
            }
            times.Add(clock.Elapsed);
        }
        return times.Order().ElementAt(1);
    }

    private static async Task<Guid> SeedProjectAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        var project = new Project { Name = "Batch benchmark", NameKey = Project.KeyFor("Batch benchmark"), CreatedAt = DateTime.UtcNow, CreatedById = "bench-admin" };
        project.Settings.MonthlyBudgetUsd = 100_000;
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    private static async Task<List<RenderRequest>> UntilFinishedAsync(IServiceProvider services, Guid batchId)
    {
        var factory = services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>();
        var limit = TimeSpan.FromMinutes(double.Parse(Environment.GetEnvironmentVariable("BENCH_MAX_MINUTES") ?? "120", System.Globalization.CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var status = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync();
            if (status != BatchStatus.Running || clock.Elapsed > limit)
                return await db.RenderRequests.AsNoTracking().Where(r => r.BatchId == batchId).ToListAsync();
            if (lastReport.Elapsed > TimeSpan.FromMinutes(1))
            {
                var ready = await db.RenderRequests.CountAsync(r => r.BatchId == batchId && r.State == RenderState.Ready);
                using var self = Process.GetCurrentProcess();
                Console.Error.WriteLine($"  … {clock.Elapsed.TotalMinutes:0.0} min: {ready} ready, peak working set {self.PeakWorkingSet64 / 1024 / 1024} MB");
                lastReport.Restart();
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Counts SaveChanges calls and the INSERT/UPDATE/DELETE commands they send.</summary>
    private sealed class WriteCounter : SaveChangesInterceptor
    {
        private int saves;
        public int Saves => saves;
        public CommandCounter Commands { get; } = new();

        public void Reset() { Interlocked.Exchange(ref saves, 0); Commands.Reset(); }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref saves);
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Interlocked.Increment(ref saves);
            return base.SavingChanges(eventData, result);
        }
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int writes;
        public int Writes => writes;
        public void Reset() => Interlocked.Exchange(ref writes, 0);

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            var text = result.CommandText.TrimStart();
            if (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref writes);
            return result;
        }
    }
}
