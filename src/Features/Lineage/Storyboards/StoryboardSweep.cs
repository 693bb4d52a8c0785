using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Lineage.Stitching;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Features.Requests;
using VideoHub.Media;

namespace VideoHub.Features.Lineage.Storyboards;

/// <summary>
/// The storyboard sweep: queues shots waiting for the previous shot's take (with its last frame as image reference),
/// cancels them when the previous shot did not render, and joins a storyboard's approved takes into a sequence take.
/// Like every sweep it holds nothing in memory: each run reads the rows and acts.
/// </summary>
public sealed class StoryboardSweep(IDbContextFactory<VideoHubDbContext> dbFactory, IMediaStorage storage, SweepSupport sweep,
    SequenceJoiner joiner, ILogger<StoryboardSweep> log)
{
    public const string By = "job:storyboard";

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var acted = await ReleaseWaitingShotsAsync(ct);
        List<Guid> boards;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            boards = await db.Storyboards.AsNoTracking().Where(s => s.BatchId != null).Select(s => s.Id).ToListAsync(ct);
        foreach (var id in boards)
        {
            try
            {
                if (await joiner.JoinIfReadyAsync(id, ct) is not null) acted++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Joining storyboard {StoryboardId} failed; the next sweep tries again.", id);
            }
        }
        return acted;
    }

    private async Task<int> ReleaseWaitingShotsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await (from shot in db.StoryboardShots
                             join r in db.RenderRequests on shot.RenderRequestId equals r.Id
                             where shot.ContinueFromPrevious && r.State == RenderState.Draft
                             let previous = db.StoryboardShots.Where(p => p.StoryboardId == shot.StoryboardId && p.Position == shot.Position - 1)
                                 .Select(p => p.RenderRequestId).FirstOrDefault()
                             select new { RequestId = r.Id, Previous = previous }).ToListAsync(ct);
        var acted = 0;
        foreach (var w in waiting)
        {
            var previous = await db.RenderRequests.AsNoTracking().Where(r => r.Id == w.Previous)
                .Select(r => new { r.State, r.VideoId }).FirstOrDefaultAsync(ct);
            var row = await db.RenderRequests.FirstAsync(r => r.Id == w.RequestId, ct);
            if (previous is null || previous.State is RenderState.Failed or RenderState.Cancelled or RenderState.Rejected or RenderState.Blocked)
            {
                RenderStateMachine.Move(row, RenderState.Cancelled, sweep.Now, By, "The previous shot did not render, so there is no frame to continue from.");
                row.FailureReason = RenderFailureReason.Cancelled;
                if (await sweep.SaveAsync(db, row, ct)) acted++;
                continue;
            }
            if (previous.State != RenderState.Ready || previous.VideoId is null) continue;
            var source = await db.Videos.AsNoTracking().Where(v => v.Id == previous.VideoId).Select(v => v.VideoKey).FirstOrDefaultAsync(ct);
            var frameKey = $"projects/{row.ProjectId:N}/references/{row.Id:N}-previous-shot.png";
            if (source is null || storage.GetFile(source) is not { } file || !await LastFrame.ExtractAsync(storage, file.FullName, frameKey, ct)) continue;
            row.ImageReferenceKey = frameKey;
            var needsApproval = RequestFormService.ReadSnapshot(row.PreCheckJson)?.NeedsApproval == true;
            RenderStateMachine.Move(row, needsApproval ? RenderState.AwaitingApproval : RenderState.Queued, sweep.Now, By,
                "The previous shot's take is ready; this shot starts from its last frame.");
            if (!needsApproval) row.NextAttemptAt = sweep.Now;
            if (await sweep.SaveAsync(db, row, ct)) acted++;
        }
        return acted;
    }
}
