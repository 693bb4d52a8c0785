using Quartz;
using VideoHub.Features.Rendering.Jobs;

namespace VideoHub.Features.Lineage.Storyboards;

/// <summary>Runs <see cref="StoryboardSweep"/>; the trigger is in Hosting/Scheduling.cs.</summary>
[DisallowConcurrentExecution]
public sealed class StoryboardSweepJob(IServiceScopeFactory scopes, ILogger<StoryboardSweepJob> log) : SweepJob(scopes, log)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<StoryboardSweep>().RunOnceAsync(ct);
}
