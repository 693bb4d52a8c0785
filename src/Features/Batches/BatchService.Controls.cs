using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Batches;

public sealed partial class BatchService
{
    public Task<BatchResult<BatchStatus>> PauseAsync(Actor actor, Guid batchId, CancellationToken ct = default) =>
        ChangeAsync(actor, batchId, manage: false, AuditActions.BatchPaused, (db, batch, _) =>
        {
            if (batch.Status != BatchStatus.Running) return Task.FromResult<string?>($"This batch is {Label(batch.Status)}; only a running batch can be paused.");
            if (batch.Mode == BatchMode.Provider && batch.ProviderMappedAt is null)
                return Task.FromResult<string?>("A provider batch runs at the provider and cannot be paused; cancel it instead.");
            batch.Status = BatchStatus.Paused;
            return Task.FromResult<string?>(null);
        }, "Paused the batch; renders already sent finish.");

    public Task<BatchResult<BatchStatus>> ResumeAsync(Actor actor, Guid batchId, CancellationToken ct = default) =>
        ChangeAsync(actor, batchId, manage: false, AuditActions.BatchResumed, (db, batch, _) =>
        {
            if (batch.Status != BatchStatus.Paused) return Task.FromResult<string?>($"This batch is {Label(batch.Status)}; only a paused batch can be resumed.");
            batch.Status = BatchStatus.Running;
            return Task.FromResult<string?>(null);
        }, "Resumed the batch.");

    /// <summary>Cancels every row not yet sent; renders already at the provider finish and are kept.</summary>
    public Task<BatchResult<BatchStatus>> CancelAsync(Actor actor, Guid batchId, CancellationToken ct = default) =>
        ChangeAsync(actor, batchId, manage: false, AuditActions.BatchCancelled, async (db, batch, now) =>
        {
            if (batch.Status is not (BatchStatus.Running or BatchStatus.Paused or BatchStatus.AwaitingApproval))
                return $"This batch is {Label(batch.Status)} and can no longer be cancelled.";
            batch.Status = BatchStatus.Cancelled;
            batch.FinishedAt = now;
            batch.NextPollAt = now; // a provider batch is cancelled at the provider by the next sweep
            foreach (var row in await UnsentRowsAsync(db, batch.Id, ct))
            {
                RenderStateMachine.Move(row, RenderState.Cancelled, now, actor.UserName, "The batch was cancelled.");
                row.FailureReason = RenderFailureReason.Cancelled;
                row.NextAttemptAt = null;
                row.Version = Guid.NewGuid();
            }
            return null;
        }, "Cancelled the batch.");

    public Task<BatchResult<BatchStatus>> ApproveAsync(Actor actor, Guid batchId, string? note, CancellationToken ct = default) =>
        DecideAsync(actor, batchId, approve: true, note, ct);

    public Task<BatchResult<BatchStatus>> RejectAsync(Actor actor, Guid batchId, string? note, CancellationToken ct = default) =>
        DecideAsync(actor, batchId, approve: false, note, ct);

    private Task<BatchResult<BatchStatus>> DecideAsync(Actor actor, Guid batchId, bool approve, string? note, CancellationToken ct)
    {
        note = note?.Trim();
        if (note is { Length: > MaxNoteLength }) return Task.FromResult(BatchResult<BatchStatus>.Invalid($"Keep the note under {MaxNoteLength} characters."));
        return ChangeAsync(actor, batchId, manage: true, approve ? AuditActions.BatchApproved : AuditActions.BatchRejected, async (db, batch, now) =>
        {
            if (batch.Status != BatchStatus.AwaitingApproval) return $"This batch is {Label(batch.Status)}; there is nothing to decide.";
            batch.Status = approve ? BatchStatus.Running : BatchStatus.Rejected;
            batch.DecisionNote = note;
            if (approve) batch.SubmittedAt = now; else batch.FinishedAt = now;
            var rows = await db.RenderRequests.Where(r => r.BatchId == batch.Id && r.State == RenderState.AwaitingApproval).ToListAsync(ct);
            foreach (var row in rows)
            {
                RenderStateMachine.Move(row, approve ? RenderState.Queued : RenderState.Rejected, now, actor.UserName, note);
                row.DecisionNote = note;
                row.NextAttemptAt = approve ? now : null;
                row.Version = Guid.NewGuid();
            }
            return null;
        }, approve ? "Approved the batch." : "Rejected the batch.", ct);
    }

    /// <summary>
    /// Makes a new attempt of every row whose latest attempt failed at the provider or in the download (not rows the
    /// policy blocked or someone cancelled). The failed request stays as history; the row points at the new one.
    /// </summary>
    public async Task<BatchResult<int>> RetryFailedAsync(Actor actor, Guid batchId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null) return BatchResult<int>.NotFound();
        var grant = await ProjectAccess.GetAsync(db, actor, batch.ProjectId, ct);
        if (!grant.CanView) return BatchResult<int>.NotFound();
        if (!CanControl(grant, batch, actor)) return BatchResult<int>.Forbidden("Only the batch's author, an Owner or an Admin can retry its rows.");
        if (batch.Status is BatchStatus.AwaitingApproval or BatchStatus.Rejected)
            return BatchResult<int>.Conflict($"This batch is {Label(batch.Status)}; nothing has run yet.");

        var failed = await (from row in db.BatchRows
                            join r in db.RenderRequests on row.RenderRequestId equals r.Id
                            where row.BatchId == batchId && r.State == RenderState.Failed && r.FailureReason != RenderFailureReason.BlockedByPolicy
                            select new { Row = row, Request = r }).ToListAsync(ct);
        if (failed.Count == 0) return BatchResult<int>.Conflict("No row has failed; there is nothing to retry.");
        var total = failed.Sum(f => f.Request.EstimatedCostUsd);
        var budget = await BudgetAsync(db, batch.ProjectId, ct);
        if (BudgetCheck.Findings(total, budget).Findings.FirstOrDefault(f => f.IsBlock) is { } block)
            return BatchResult<int>.Invalid(block.Message.Replace("This render is", "Retrying these rows is", StringComparison.Ordinal));

        var now = Now;
        foreach (var (f, i) in failed.Select((f, i) => (f, i)))
        {
            var old = f.Request;
            f.Row.Attempt++;
            var retry = new RenderRequest
            {
                ProjectId = old.ProjectId, AuthorId = actor.UserId, AuthorName = actor.UserName, Operation = old.Operation,
                Prompt = old.Prompt, ProviderId = old.ProviderId, Model = old.Model, Size = old.Size, Seconds = old.Seconds,
                ImageReferenceKey = old.ImageReferenceKey, BatchId = batchId, BatchCustomId = $"{f.Row.CustomId}~{f.Row.Attempt}",
                PreCheckJson = old.PreCheckJson, AcknowledgementReason = old.AcknowledgementReason, AcknowledgedBy = old.AcknowledgedBy,
                AcknowledgedAt = old.AcknowledgedAt, EstimatedCostUsd = old.EstimatedCostUsd, CreatedAt = now.AddTicks(i), UpdatedAt = now,
            };
            RenderStateMachine.Move(retry, RenderState.Queued, now, actor.UserName, $"Retry {f.Row.Attempt} of batch row {f.Row.CustomId}.");
            retry.NextAttemptAt = now;
            db.RenderRequests.Add(retry);
            f.Row.RenderRequestId = retry.Id;
            var pins = await db.RenderRequestCatalogItems.AsNoTracking().Where(c => c.RenderRequestId == old.Id).ToListAsync(ct);
            foreach (var pin in pins) db.RenderRequestCatalogItems.Add(new() { RenderRequestId = retry.Id, CatalogItemId = pin.CatalogItemId,
                CatalogItemVersionId = pin.CatalogItemVersionId, Name = pin.Name, ProviderCharacterId = pin.ProviderCharacterId });
        }
        // Retries of a provider batch run directly: its provider batch has ended.
        if (batch.Status is BatchStatus.Completed or BatchStatus.Failed or BatchStatus.Cancelled)
            (batch.Status, batch.FinishedAt) = (BatchStatus.Running, null);
        if (batch.Mode == BatchMode.Provider) batch.ProviderMappedAt ??= now;
        batch.UpdatedAt = now;
        batch.Version = Guid.NewGuid();
        audit.Add(db, actor, AuditActions.BatchRetried, nameof(Batch), batch.Id.ToString(), $"Retried {failed.Count} failed rows of “{batch.Name}”.", batch.ProjectId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return BatchResult<int>.Conflict("This batch changed meanwhile; look again and retry."); }
        Announce(batchId);
        return BatchResult<int>.Ok(failed.Count);
    }

    private async Task<BatchResult<BatchStatus>> ChangeAsync(Actor actor, Guid batchId, bool manage, string action,
        Func<VideoHubDbContext, Batch, DateTime, Task<string?>> change, string summary, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null) return BatchResult<BatchStatus>.NotFound();
        var grant = await ProjectAccess.GetAsync(db, actor, batch.ProjectId, ct);
        if (!grant.CanView) return BatchResult<BatchStatus>.NotFound();
        if (manage ? !grant.CanManage : !CanControl(grant, batch, actor))
            return BatchResult<BatchStatus>.Forbidden(manage ? "Only an Owner or an Admin can approve or reject batches."
                : "Only the batch's author, an Owner or an Admin can control it.");
        var now = Now;
        if (await change(db, batch, now) is { } refusal) return BatchResult<BatchStatus>.Conflict(refusal);
        batch.UpdatedAt = now;
        batch.Version = Guid.NewGuid();
        audit.Add(db, actor, action, nameof(Batch), batch.Id.ToString(), $"{summary} (“{batch.Name}”)", batch.ProjectId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return BatchResult<BatchStatus>.Conflict("This batch changed meanwhile; look again and retry."); }
        Announce(batchId);
        return BatchResult<BatchStatus>.Ok(batch.Status);
    }

    private static Task<List<RenderRequest>> UnsentRowsAsync(VideoHubDbContext db, Guid batchId, CancellationToken ct) =>
        db.RenderRequests
            .Where(r => r.BatchId == batchId && (r.State == RenderState.Queued || r.State == RenderState.AwaitingApproval || r.State == RenderState.Draft))
            .ToListAsync(ct);

    private static bool CanControl(ProjectGrant grant, Batch batch, Actor actor) =>
        grant.CanManage || (grant.CanEdit && batch.CreatedById == actor.UserId);

    public static string Label(BatchStatus status) => status switch
    {
        BatchStatus.AwaitingApproval => "awaiting approval",
        _ => status.ToString().ToLowerInvariant(),
    };
}
