using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Rendering;
using VideoHub.Hosting;

namespace VideoHub.Bench;

/// <summary>
/// The whole render pipeline in the real app: N requests queued at once, moved by the Quartz sweeps through the
/// mounted local provider over HTTP to verified takes. Reports wall time, takes per minute and time per stage.
/// </summary>
public static class PipelineBenchmark
{
    public static async Task RunAsync(int requests = 6)
    {
        var folder = BenchProvider.TempFolder("pipeline");
        // The app's own name, so it finds its static asset manifest beside this executable.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(VideoHubPipeline).Assembly.GetName().Name,
            Args =
        [
            "--contentRoot", RepositoryRoot(), "--urls", "http://127.0.0.1:0", "--Data:Path", folder, "--environment", "Production",
            "--LocalProvider:RenderSecondsPerVideoSecond", "0", "--LocalProvider:QueuedDelay", "00:00:00",
            "--LocalProvider:PollAfterMs", "100", "--LocalProvider:Preset", Environment.GetEnvironmentVariable("BENCH_PRESET") ?? "ultrafast",
            "--Rendering:SubmitInterval", "00:00:00.250", "--Rendering:PollInterval", "00:00:00.250",
            "--Rendering:DownloadInterval", "00:00:00.250", "--Rendering:PollMinInterval", "00:00:00.200",
            "--Rendering:PollMaxInterval", "00:00:01", "--Logging:LogLevel:Default", "Warning",
        ],
        });
        builder.AddVideoHub();
        await using var app = builder.Build();
        app.MapVideoHub();
        await app.StartAsync();
        try
        {
            var admin = new Actor("bench-admin", "bench", IsAdmin: true);
            var projectId = await SeedProjectAsync(app.Services);
            var ids = new List<Guid>();
            var clock = Stopwatch.StartNew();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var service = scope.ServiceProvider.GetRequiredService<RenderRequestService>();
                for (var i = 0; i < requests; i++)
                {
                    var created = await service.CreateAsync(admin, new NewRenderRequest(projectId, RenderOperation.Create,
                        $"benchmark take {i}", "local", "sora-2", "1280x720", 4, PreCheckVerdict.Allowed, "{}"));
                    ids.Add(created.Value!.Id);
                }
            }
            var rows = await UntilFinishedAsync(app.Services, ids);
            clock.Stop();

            Console.WriteLine($"Render pipeline, {requests} x 4 s 1280x720 through the scheduler, {Environment.ProcessorCount} cores");
            Console.WriteLine($"  ready {rows.Count(r => r.State == RenderState.Ready)}/{requests} in {clock.Elapsed.TotalSeconds:0.0} s " +
                $"= {rows.Count(r => r.State == RenderState.Ready) / clock.Elapsed.TotalMinutes:0.0} takes/min");
            foreach (var (from, to) in new[] { (RenderState.Queued, RenderState.Rendering), (RenderState.Rendering, RenderState.Downloading), (RenderState.Downloading, RenderState.Ready) })
            {
                var spans = rows.Select(r => Span(r, from, to)).Where(s => s is not null).Select(s => s!.Value).Order().ToList();
                if (spans.Count > 0) Console.WriteLine($"  {from,-11} -> {to,-11} median {spans[spans.Count / 2]:0.00} s, max {spans[^1]:0.00} s");
            }
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>The web project's folder, whose appsettings.json seeds the local provider.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VideoHub.csproj"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    internal static async Task<Guid> SeedProjectAsync(IServiceProvider services, decimal budget = 1000)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        var project = new Project { Name = "Benchmark", NameKey = Project.KeyFor("Benchmark"), CreatedAt = DateTime.UtcNow, CreatedById = "bench-admin" };
        project.Settings.MonthlyBudgetUsd = budget;
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    /// <summary>Waits for every request to end, up to BENCH_MAX_MINUTES (default 60): a loaded machine is slow, not stuck.</summary>
    internal static async Task<List<RenderRequest>> UntilFinishedAsync(IServiceProvider services, List<Guid> ids)
    {
        var factory = services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>();
        var minutes = int.TryParse(Environment.GetEnvironmentVariable("BENCH_MAX_MINUTES"), out var m) ? m : 60;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var rows = await db.RenderRequests.AsNoTracking().Include(r => r.Events).Where(r => ids.Contains(r.Id)).ToListAsync();
            if (rows.All(r => RenderStateMachine.IsTerminal(r.State))) return rows;
            await Task.Delay(200, deadline.Token);
        }
    }

    private static double? Span(RenderRequest r, RenderState from, RenderState to)
    {
        var start = r.Events.FirstOrDefault(e => e.To == from)?.At;
        var end = r.Events.FirstOrDefault(e => e.To == to)?.At;
        return start is { } s && end is { } e ? (e - s).TotalSeconds : null;
    }
}
