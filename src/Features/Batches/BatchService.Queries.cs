using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Batches;

public sealed partial class BatchService
{
    /// <summary>A project's batches, newest first, with their counts; null when the project is not visible.</summary>
    public async Task<IReadOnlyList<BatchSummary>?> ListAsync(Actor actor, Guid projectId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return null;
        var batches = await db.Batches.AsNoTracking().Where(b => b.ProjectId == projectId)
            .OrderByDescending(b => b.CreatedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        var ids = batches.Select(b => b.Id).ToList();
        var counts = await CountsAsync(db, ids, ct);
        return batches.Select(b => Summary(b, counts.GetValueOrDefault(b.Id) ?? Empty)).ToList();
    }

    /// <summary>One batch with its counts and estimate of time left; null when it does not exist or is not visible.</summary>
    public async Task<BatchView?> GetAsync(Actor actor, Guid projectId, Guid batchId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId && b.ProjectId == projectId, ct);
        if (batch is null) return null;
        var grant = await ProjectAccess.GetAsync(db, actor, batch.ProjectId, ct);
        if (!grant.CanView) return null;
        var counts = (await CountsAsync(db, [batchId], ct)).GetValueOrDefault(batchId) ?? Empty;
        return new BatchView(Summary(batch, counts), batch.ProviderId, batch.ProviderBatchId, batch.ProviderStatus, batch.ProviderCompleted,
            batch.ProviderFailed, batch.ProviderError, batch.DecisionNote, await TimeLeftAsync(db, batch, counts, ct),
            CanControl(grant, batch, actor), grant.CanManage);
    }

    /// <summary>The rows of a batch in file order (latest attempt of each), optionally of one state; null when not visible.</summary>
    public async Task<IReadOnlyList<BatchRowView>?> RowsAsync(Actor actor, Guid projectId, Guid batchId, RenderState? state = null,
        int skip = 0, int take = 100, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await VisibleAsync(db, actor, projectId, batchId, ct)) return null;
        var rows = RowQuery(db, batchId);
        if (state is { } s) rows = rows.Where(r => r.State == s);
        return await rows.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, BatchRowsMax)).ToListAsync(ct);
    }

    public const int BatchRowsMax = 10_000;

    /// <summary>Every row for the CSV report and the zip, streamed in file order; empty when not visible.</summary>
    public async IAsyncEnumerable<BatchRowView> AllRowsAsync(Actor actor, Guid projectId, Guid batchId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await VisibleAsync(db, actor, projectId, batchId, ct)) yield break;
        await foreach (var row in RowQuery(db, batchId).AsAsyncEnumerable().WithCancellation(ct)) yield return row;
    }

    /// <summary>The batch's name when the actor may see it (for download file names), else null.</summary>
    public async Task<string?> NameAsync(Actor actor, Guid projectId, Guid batchId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await VisibleAsync(db, actor, projectId, batchId, ct)) return null;
        return await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.Name).FirstAsync(ct);
    }

    private static async Task<bool> VisibleAsync(VideoHubDbContext db, Actor actor, Guid projectId, Guid batchId, CancellationToken ct) =>
        await db.Batches.AsNoTracking().AnyAsync(b => b.Id == batchId && b.ProjectId == projectId, ct)
        && (await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView;

    private static IQueryable<BatchRowView> RowQuery(VideoHubDbContext db, Guid batchId) =>
        from row in db.BatchRows.AsNoTracking()
        join r in db.RenderRequests.AsNoTracking() on row.RenderRequestId equals r.Id
        where row.BatchId == batchId
        orderby row.LineNumber, row.CustomId
        select new BatchRowView(row.LineNumber, row.CustomId, row.Attempt, r.Id, r.Prompt, r.Model, r.Size, r.Seconds, r.State,
            r.Progress, r.FailureReason, r.ProviderMessage, r.VideoId, r.EstimatedCostUsd, r.ActualCostUsd);

    private static readonly BatchCounts Empty = new(0, new Dictionary<RenderState, int>());

    private static async Task<Dictionary<Guid, BatchCounts>> CountsAsync(VideoHubDbContext db, List<Guid> batchIds, CancellationToken ct)
    {
        var grouped = await (from row in db.BatchRows.AsNoTracking()
                             join r in db.RenderRequests.AsNoTracking() on row.RenderRequestId equals r.Id
                             where batchIds.Contains(row.BatchId)
                             group r by new { row.BatchId, r.State } into g
                             select new { g.Key.BatchId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        return grouped.GroupBy(g => g.BatchId).ToDictionary(g => g.Key,
            g => new BatchCounts(g.Sum(x => x.Count), g.ToDictionary(x => x.State, x => x.Count)));
    }

    /// <summary>
    /// Time left from the pace so far: rows finished since the batch started running, extrapolated to the rest.
    /// Null until a row has finished, and once nothing is left.
    /// </summary>
    private async Task<TimeSpan?> TimeLeftAsync(VideoHubDbContext db, Batch batch, BatchCounts counts, CancellationToken ct)
    {
        var left = counts.Total - counts.Finished;
        if (left == 0 || batch.Status != BatchStatus.Running || batch.SubmittedAt is not { } started) return null;
        var done = await (from row in db.BatchRows join r in db.RenderRequests on row.RenderRequestId equals r.Id
                          where row.BatchId == batch.Id && r.State == RenderState.Ready && r.FinishedAt != null
                          select r.FinishedAt).CountAsync(ct);
        if (done == 0) return null;
        var elapsed = Now - started;
        return TimeSpan.FromSeconds(elapsed.TotalSeconds / done * left);
    }

    private static BatchSummary Summary(Batch b, BatchCounts counts) => new(b.Id, b.ProjectId, b.Name, b.Mode, b.Source, b.Status,
        b.CreatedByName, b.CreatedAt, b.FinishedAt, b.EstimatedCostUsd, counts);
}
