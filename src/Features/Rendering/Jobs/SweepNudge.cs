using Quartz;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>
/// Runs a sweep now rather than at its next tick when what it waits for has just happened: a request was queued, or
/// a render finished and freed its slot at the provider, or a take is ready to download. The interval triggers stay
/// as the safety net. At most one nudge per sweep is outstanding: nudges that arrive before it starts ride along.
/// </summary>
public sealed class SweepNudge(IServiceProvider services, ILogger<SweepNudge> log)
{
    public const string SubmitJob = "render-submit";
    public const string DownloadJob = "render-download";

    private int submitPending;
    private int downloadPending;

    public void Submit() => Nudge(SubmitJob, ref submitPending);

    public void Download() => Nudge(DownloadJob, ref downloadPending);

    /// <summary>Called by a sweep as it starts: a nudge from now on needs a run of its own.</summary>
    public void Started(string job)
    {
        if (job == SubmitJob) Volatile.Write(ref submitPending, 0);
        else if (job == DownloadJob) Volatile.Write(ref downloadPending, 0);
    }

    private void Nudge(string job, ref int pending)
    {
        // No scheduler (tests that run sweeps by hand, or a node with jobs switched off): the sweeps run when called.
        if (services.GetService<ISchedulerFactory>() is not { } factory) return;
        if (Interlocked.Exchange(ref pending, 1) == 1) return;
        _ = TriggerAsync(factory, job);
    }

    private async Task TriggerAsync(ISchedulerFactory factory, string job)
    {
        try
        {
            // Before start-up the trigger waits for the scheduler, which runs every sweep once as it starts anyway.
            var scheduler = await factory.GetScheduler();
            await scheduler.TriggerJob(new JobKey(job));
        }
        catch (SchedulerException ex)
        {
            // The interval trigger still runs the sweep; a lost nudge only costs its head start.
            Started(job);
            log.LogDebug(ex, "Could not nudge the {Job} sweep.", job);
        }
    }
}
