using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Providers;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>
/// Polls rendering jobs that are due (by their own schedule, or at once when a verified webhook names them).
/// State always comes from the GET; the webhook only makes the row due.
/// </summary>
public sealed class RenderPoller(IDbContextFactory<VideoHubDbContext> dbFactory, IRenderProviders providers,
    ProviderWebhookInbox inbox, SweepSupport sweep, SweepNudge nudge, IOptionsMonitor<RenderingOptions> options, ILogger<RenderPoller> log)
{
    public const string By = "job:poll";

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await MarkWebhookDeliveriesDueAsync(ct);
        var now = sweep.Now;
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.RenderRequests.AsNoTracking()
                .Where(r => r.State == RenderState.Rendering && r.NextAttemptAt <= now)
                .OrderBy(r => r.NextAttemptAt).Take(options.CurrentValue.BatchSize).Select(r => r.Id).ToListAsync(ct);
        }
        var (acted, ended, finished) = (0, false, false);
        foreach (var id in due)
        {
            if (await PollAsync(id, ct) is not { } state) continue;
            acted++;
            ended |= state != RenderState.Rendering;
            finished |= state == RenderState.Downloading;
        }
        // A render that ended freed its slot at the provider: the next queued one need not wait for the next tick.
        if (ended) nudge.Submit();
        if (finished) nudge.Download();
        return acted;
    }

    private async Task MarkWebhookDeliveriesDueAsync(CancellationToken ct)
    {
        var deliveries = await inbox.PendingAsync(100, ct);
        if (deliveries.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = sweep.Now;
        var grace = now - options.CurrentValue.WebhookGrace;
        foreach (var d in deliveries.Where(d => d.ObjectId is not null).DistinctBy(d => (d.ProviderId, d.ObjectId)))
        {
            var ours = db.RenderRequests.Where(r => r.ProviderId == d.ProviderId && r.ProviderJobId == d.ObjectId);
            await ours.Where(r => r.State == RenderState.Rendering).ExecuteUpdateAsync(s => s.SetProperty(r => r.NextAttemptAt, now), ct);
            // A delivery can beat the submitter saving the job id; one for a job no request knows is kept a while.
            if (await ours.AnyAsync(ct) || d.ReceivedAt < grace)
                await inbox.MarkProcessedAsync(d.ProviderId, d.ObjectId!, ct);
        }
    }

    /// <summary>Polls one render; the state it saved, or null when it saved nothing.</summary>
    private async Task<RenderState?> PollAsync(Guid id, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RenderRequests.FirstOrDefaultAsync(r => r.Id == id && r.State == RenderState.Rendering, ct);
        if (row?.ProviderJobId is null) return null;
        if (row.PollDeadline is { } deadline && sweep.Now > deadline)
        {
            row.Fail(RenderFailureReason.TimedOut, $"The provider did not finish the render within {settings.RenderTimeout}.", sweep.Now, By);
            return await SavedStateAsync(db, row, ct);
        }
        var provider = await providers.GetAsync(row.ProviderId, ct);
        var result = provider is null
            ? new ProviderError(ProviderErrorKind.Unreachable, "The provider is not enabled.")
            : await provider.GetVideoAsync(row.ProviderJobId, ct);
        var now = sweep.Now;
        if (!result.IsSuccess)
        {
            if (result.Error.Kind == ProviderErrorKind.NotFound)
            {
                row.Fail(RenderFailureReason.ProviderFailed, $"The provider no longer knows this render: {result.Error.Message}", now, By);
                return await SavedStateAsync(db, row, ct);
            }
            row.Attempts++;
            row.NextAttemptAt = now + SweepSupport.Backoff(settings.PollMinInterval, row.Attempts, settings.PollMaxInterval, result.Error.RetryAfter);
            log.LogInformation("Polling render request {RequestId} failed ({Error}); next at {At:O}.", row.Id, result.Error.Kind, row.NextAttemptAt);
            return await SavedStateAsync(db, row, ct);
        }

        var video = result.Value;
        row.Attempts = 0;
        switch (video.Status)
        {
            case ProviderVideoStatus.Completed:
                RenderStateMachine.Move(row, RenderState.Downloading, now, By);
                row.Progress = 100;
                row.CompletedAt = now;
                row.VideoId ??= Guid.CreateVersion7();
                row.NextAttemptAt = now; // provider links expire: download at once
                break;
            case ProviderVideoStatus.Failed:
                var reason = video.Error?.IsPolicyRejection == true ? RenderFailureReason.RejectedByProvider : RenderFailureReason.ProviderFailed;
                row.Fail(reason, video.Error?.Message ?? "The provider could not render this video.", now, By);
                row.RecordProviderError(video.Error?.Code, null);
                break;
            default:
                row.Progress = Math.Clamp(Math.Max(row.Progress, video.Progress), 0, 99);
                row.Polls++;
                row.NextAttemptAt = now + SweepSupport.NextPoll(settings, row.Polls, video.PollAfter);
                break;
        }
        return await SavedStateAsync(db, row, ct);
    }

    private async Task<RenderState?> SavedStateAsync(VideoHubDbContext db, RenderRequest row, CancellationToken ct) =>
        await sweep.SaveAsync(db, row, ct) ? row.State : null;
}
