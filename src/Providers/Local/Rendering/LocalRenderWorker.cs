using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VideoHub.Providers.Local;

/// <summary>
/// Takes queued jobs in order and renders them, at most <see cref="LocalProviderOptions.MaxConcurrentRenders"/> at a
/// time. Status moves queued → in_progress (progress rising at the configured pace) → completed or failed; the job
/// file is the only state, so a restart re-queues what was in progress and carries on.
/// </summary>
public sealed class LocalRenderWorker(LocalProviderStore store, LocalRenderer renderer, LocalWorkSignal work,
    LocalWebhookSender webhooks, LocalProviderKey key, TimeProvider clock, IOptions<LocalProviderOptions> options, ILogger<LocalRenderWorker> log)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, Task> running = new();

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        _ = key.Value; // a generated key exists from the first start on, not only after the first request
        foreach (var job in store.Jobs.All.Where(j => j.Status == LocalStatus.InProgress))
            store.Jobs.Update(job.Id, j => j with { Status = LocalStatus.Queued, Progress = 0, StartedAt = null });

        var nextSweep = DateTimeOffset.MinValue;
        while (!stop.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            if (now >= nextSweep)
            {
                LocalHousekeeping.DeleteExpiredMedia(store, now, log);
                nextSweep = now.AddMinutes(5);
            }
            var next = TimeSpan.FromSeconds(1);
            foreach (var job in store.Jobs.All.Where(j => j.Status == LocalStatus.Queued && !running.ContainsKey(j.Id))
                         .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal))
            {
                if (running.Count >= Math.Max(1, options.Value.MaxConcurrentRenders)) break;
                var due = job.CreatedAt + options.Value.QueuedDelay;
                if (due > now)
                {
                    next = TimeSpan.FromTicks(Math.Min(next.Ticks, (due - now).Ticks));
                    break; // keep the order: a later job does not overtake one still waiting
                }
                running[job.Id] = Task.Run(() => RunSafelyAsync(job.Id, stop), CancellationToken.None);
            }
            try { await work.WaitAsync(next, stop); }
            catch (OperationCanceledException) { break; }
        }
        await Task.WhenAll(running.Values);
    }

    private async Task RunSafelyAsync(string jobId, CancellationToken stop)
    {
        try { await RunAsync(jobId, stop); }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { /* re-queued at next start */ }
        catch (Exception ex) { log.LogError(ex, "Local provider job {JobId} crashed", jobId); }
        finally
        {
            running.TryRemove(jobId, out _);
            work.Wake();
        }
    }

    private async Task RunAsync(string jobId, CancellationToken stop)
    {
        var started = clock.GetUtcNow();
        var job = store.Jobs.Update(jobId, j => j.Status == LocalStatus.Queued
            ? j with { Status = LocalStatus.InProgress, Progress = 0, StartedAt = started } : j);
        if (job is not { Status: LocalStatus.InProgress }) return;

        var pace = TimeSpan.FromSeconds(Math.Max(0, options.Value.RenderSecondsPerVideoSecond) * job.Seconds);
        var source = job.SourceVideoId is null ? null : store.Jobs.Get(job.SourceVideoId);
        var render = job.PlannedError is null ? renderer.RenderAsync(job, source, stop) : Task.CompletedTask;
        // A planned failure (moderation, fault knob) shows some progress first, like a generation that fails midway.
        var until = job.PlannedError is null ? pace : pace / 2;

        while (!render.IsCompleted || clock.GetUtcNow() - started < until)
        {
            stop.ThrowIfCancellationRequested();
            var delay = Task.Delay(options.Value.ProgressInterval, clock, stop);
            if (render.IsCompleted) await delay;
            else await Task.WhenAny(render, delay);
            var fraction = until > TimeSpan.Zero ? (clock.GetUtcNow() - started) / until : 1;
            var progress = (int)Math.Clamp(fraction * 100, 1, render.IsCompleted ? 99 : 95);
            store.Jobs.Update(jobId, j => j.Status == LocalStatus.InProgress && progress > j.Progress ? j with { Progress = progress } : j);
        }

        LocalJobError? error = job.PlannedError;
        if (render.IsFaulted)
        {
            log.LogWarning(render.Exception!.GetBaseException(), "Local provider could not render {JobId}", jobId);
            error = new LocalJobError("internal_error", "The video could not be rendered.");
        }
        stop.ThrowIfCancellationRequested();
        var finished = clock.GetUtcNow();
        // Batch results stay downloadable for 24 h, single renders for the configured lifetime (reference §3.1).
        var lifetime = job.BatchId is null ? options.Value.ContentLifetime : TimeSpan.FromHours(24);
        var final = store.Jobs.Update(jobId, j => error is null
            ? j with { Status = LocalStatus.Completed, Progress = 100, CompletedAt = finished, ExpiresAt = finished + lifetime }
            : j with { Status = LocalStatus.Failed, Error = error, CompletedAt = finished });
        if (final is not null) webhooks.Enqueue(error is null ? "video.completed" : "video.failed", jobId);
    }
}
