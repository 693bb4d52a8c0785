using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Api;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;

namespace VideoHub.Features.Api.Webhooks;

/// <summary>
/// Outbound events of review and batches, queued in the caller's own unit of work (so the event is sent exactly
/// when the change is saved). Review and the batch sweep each call one of these in one line.
/// </summary>
public static class WebhookWorkflowEvents
{
    /// <summary>take.approved / take.rejected / take.changes_requested when a decision moves the take into that state.</summary>
    public static async Task EnqueueReviewAsync(VideoHubDbContext db, Video take, ReviewState before, ReviewDecision decision,
        CancellationToken ct = default)
    {
        var type = take.ReviewState switch
        {
            ReviewState.Approved => WebhookEventTypes.TakeApproved,
            ReviewState.Rejected => WebhookEventTypes.TakeRejected,
            ReviewState.ChangesRequested => WebhookEventTypes.TakeChangesRequested,
            _ => null,
        };
        if (type is null || take.ReviewState == before) return;
        await WebhookEvents.Enqueue(db, take.ProjectId, type, new
        {
            projectId = take.ProjectId, takeId = take.Id, renderRequestId = take.RenderRequestId,
            reviewState = take.ReviewState.ToString(), previousState = before.ToString(),
            decision = new { verdict = decision.Verdict.ToString(), note = decision.Note, reviewer = decision.ReviewerName },
            links = new { review = $"/projects/{take.ProjectId}/takes/{take.Id}/review", api = $"/api/v1/takes/{take.Id}" },
        }, decision.CreatedAt, ct);
    }

    /// <summary>batch.finished when the sweep completes a batch, with the counts of its rows by state.</summary>
    public static async Task EnqueueBatchFinishedAsync(VideoHubDbContext db, Batch batch, DateTime now, CancellationToken ct = default)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.ProjectId == batch.ProjectId && e.Enabled, ct)) return;
        var counts = await (from row in db.BatchRows.AsNoTracking()
                            join r in db.RenderRequests.AsNoTracking() on row.RenderRequestId equals r.Id
                            where row.BatchId == batch.Id
                            group r by r.State into g
                            select new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        await WebhookEvents.Enqueue(db, batch.ProjectId, WebhookEventTypes.BatchFinished, new
        {
            projectId = batch.ProjectId, batchId = batch.Id, name = batch.Name, status = batch.Status.ToString(),
            rows = counts.Sum(c => c.Count), byState = counts.ToDictionary(c => c.State.ToString(), c => c.Count),
            links = new { batch = $"/projects/{batch.ProjectId}/batches/{batch.Id}", api = $"/api/v1/projects/{batch.ProjectId}/batches/{batch.Id}" },
        }, now, ct);
    }
}
