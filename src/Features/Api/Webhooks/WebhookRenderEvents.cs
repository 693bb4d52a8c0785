using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Api;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Rendering;

namespace VideoHub.Features.Api.Webhooks;

/// <summary>
/// Sits in front of the render notifier: every render change still reaches open pages, and the ones webhooks care
/// about (a take ready for review, a failed render, the month's spend crossing the budget) become outbox rows.
/// </summary>
public sealed class WebhookRenderNotifier(RenderNotifier inner, IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock,
    ILogger<WebhookRenderNotifier> log) : IRenderNotifier
{
    /// <summary>Shares of the monthly budget that raise budget.threshold_crossed when the spend passes them.</summary>
    public static readonly decimal[] BudgetThresholds = [0.8m, 1.0m];

    public void Publish(RenderUpdate update)
    {
        inner.Publish(update);
        if (update.State is RenderState.Ready or RenderState.Failed or RenderState.Queued)
            _ = Task.Run(async () =>
            {
                try { await EnqueueAsync(update); }
                catch (Exception ex) { log.LogWarning(ex, "Could not queue webhooks for render {RequestId}", update.RequestId); }
            });
    }

    public IDisposable SubscribeToRequest(Guid requestId, Func<RenderUpdate, Task> onUpdate) => inner.SubscribeToRequest(requestId, onUpdate);

    public IDisposable SubscribeToProject(Guid projectId, Func<RenderUpdate, Task> onUpdate) => inner.SubscribeToProject(projectId, onUpdate);

    private async Task EnqueueAsync(RenderUpdate u)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.WebhookEndpoints.AnyAsync(e => e.ProjectId == u.ProjectId && e.Enabled)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        switch (u.State)
        {
            case RenderState.Ready when u.VideoId is { } takeId:
                await WebhookEvents.Enqueue(db, u.ProjectId, WebhookEventTypes.TakeReadyForReview, new
                {
                    projectId = u.ProjectId, takeId, renderRequestId = u.RequestId,
                    links = new { take = $"/projects/{u.ProjectId}/takes/{takeId}", api = $"/api/v1/takes/{takeId}" },
                }, now);
                break;
            case RenderState.Failed:
                await WebhookEvents.Enqueue(db, u.ProjectId, WebhookEventTypes.RenderFailed, new
                {
                    projectId = u.ProjectId, renderRequestId = u.RequestId, reason = u.FailureReason?.Code(), message = u.Message,
                    links = new { request = $"/projects/{u.ProjectId}/requests/{u.RequestId}", api = $"/api/v1/render-requests/{u.RequestId}" },
                }, now);
                break;
            case RenderState.Queued when await BudgetCrossingAsync(db, u, now) is { } crossing:
                await WebhookEvents.Enqueue(db, u.ProjectId, WebhookEventTypes.BudgetThresholdCrossed, crossing, now);
                break;
            default:
                return;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Whether queueing this request (the first time it is queued: a retry does not spend again) moved the month's
    /// spend past a threshold of the budget.
    /// </summary>
    private static async Task<object?> BudgetCrossingAsync(VideoHubDbContext db, RenderUpdate u, DateTime now)
    {
        var timesQueued = await db.RenderEvents.CountAsync(e => e.RenderRequestId == u.RequestId && e.To == RenderState.Queued);
        if (timesQueued != 1) return null;
        var estimate = await db.RenderRequests.Where(r => r.Id == u.RequestId).Select(r => r.EstimatedCostUsd).FirstAsync();
        var budget = await db.Projects.Where(p => p.Id == u.ProjectId).Select(p => p.Settings.MonthlyBudgetUsd).FirstAsync();
        if (budget <= 0) return null;
        var after = await RenderRequestService.MonthToDateSpendAsync(db, u.ProjectId, now, CancellationToken.None);
        var before = after - estimate;
        var crossed = BudgetThresholds.LastOrDefault(t => before < budget * t && after >= budget * t);
        return crossed == 0 ? null : new
        {
            projectId = u.ProjectId, threshold = crossed, monthlyBudgetUsd = budget, monthToDateSpendUsd = after,
            renderRequestId = u.RequestId,
        };
    }
}
