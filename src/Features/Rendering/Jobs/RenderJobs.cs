using Quartz;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>
/// The Quartz jobs: each opens a scope, runs one sweep, logs and swallows failures so one bad row or a passing
/// outage never stops the scheduler. Triggers are in Hosting/Scheduling.cs.
/// </summary>
public abstract class SweepJob(IServiceScopeFactory scopes, ILogger log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunAsync(scope.ServiceProvider, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // shutting down; the rows stay where they are and the next start picks them up
        }
        catch (Exception ex)
        {
            log.LogError(ex, "The {Job} sweep failed; it runs again at its next trigger.", GetType().Name);
        }
    }

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);
}

[DisallowConcurrentExecution]
public sealed class SubmitRendersJob(IServiceScopeFactory scopes, ILogger<SubmitRendersJob> log) : SweepJob(scopes, log)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        services.GetRequiredService<SweepNudge>().Started(SweepNudge.SubmitJob);
        return services.GetRequiredService<RenderSubmitter>().RunOnceAsync(ct);
    }
}

[DisallowConcurrentExecution]
public sealed class PollRendersJob(IServiceScopeFactory scopes, ILogger<PollRendersJob> log) : SweepJob(scopes, log)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<RenderPoller>().RunOnceAsync(ct);
}

[DisallowConcurrentExecution]
public sealed class DownloadRendersJob(IServiceScopeFactory scopes, ILogger<DownloadRendersJob> log) : SweepJob(scopes, log)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        services.GetRequiredService<SweepNudge>().Started(SweepNudge.DownloadJob);
        return services.GetRequiredService<RenderDownloader>().RunOnceAsync(ct);
    }
}

[DisallowConcurrentExecution]
public sealed class RenderHousekeepingJob(IServiceScopeFactory scopes, ILogger<RenderHousekeepingJob> log) : SweepJob(scopes, log)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<RenderHousekeeping>().RunOnceAsync(ct);
}
