using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Rendering;

public sealed partial class RenderRequestService
{
    /// <summary>One request with its history, or null when it does not exist or the actor may not see its project.</summary>
    public async Task<RenderRequestView?> GetAsync(Actor actor, Guid requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.RenderRequests.AsNoTracking().Include(r => r.Events).FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !(await ProjectAccess.GetAsync(db, actor, request.ProjectId, ct)).CanView) return null;
        return RenderRequestView.From(request, withHistory: true);
    }

    /// <summary>A project's requests, newest first, filtered, one keyset page at a time; null when the project is not visible.</summary>
    public async Task<RenderPage?> ListAsync(Actor actor, Guid projectId, RenderListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return null;

        var rows = db.RenderRequests.AsNoTracking().Where(r => r.ProjectId == projectId);
        if (query.State is { } state) rows = rows.Where(r => r.State == state);
        if (!string.IsNullOrEmpty(query.AuthorId)) rows = rows.Where(r => r.AuthorId == query.AuthorId);
        if (!string.IsNullOrEmpty(query.Model)) rows = rows.Where(r => r.Model == query.Model);
        if (query.From is { } from) rows = rows.Where(r => r.CreatedAt >= from);
        if (query.To is { } to) rows = rows.Where(r => r.CreatedAt < to);
        if (ParseCursor(query.After) is var (at, id))
            rows = rows.Where(r => r.CreatedAt < at || (r.CreatedAt == at && r.Id.CompareTo(id) < 0));

        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = await rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(size + 1).ToListAsync(ct);
        var items = page.Take(size).Select(r => RenderRequestView.From(r, withHistory: false)).ToList();
        var next = page.Count > size ? Cursor(page[size - 1]) : null;
        return new RenderPage(items, next);
    }

    /// <summary>
    /// This month's spend of a project: the actual cost of renders finished this month plus the estimates of those
    /// still in flight. Null when the actor may not see the project.
    /// </summary>
    public async Task<decimal?> MonthToDateSpendAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return null;
        return await MonthToDateSpendAsync(db, projectId, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>The same sum inside a caller's unit of work (the pre-check's budget rule).</summary>
    public static async Task<decimal> MonthToDateSpendAsync(VideoHubDbContext db, Guid projectId, DateTime now, CancellationToken ct)
    {
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        // SQLite cannot sum decimals, so the (few) amounts are added up here.
        var finished = await db.RenderRequests.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.State == RenderState.Ready && r.FinishedAt >= monthStart)
            .Select(r => r.ActualCostUsd ?? r.EstimatedCostUsd).ToListAsync(ct);
        var inFlight = await db.RenderRequests.AsNoTracking()
            .Where(r => r.ProjectId == projectId && (r.State == RenderState.Queued || r.State == RenderState.Submitting
                || r.State == RenderState.Rendering || r.State == RenderState.Downloading))
            .Select(r => r.EstimatedCostUsd).ToListAsync(ct);
        return finished.Sum() + inFlight.Sum();
    }

    private static string Cursor(RenderRequest r) => $"{r.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture)}_{r.Id:N}";

    private static (DateTime At, Guid Id)? ParseCursor(string? cursor)
    {
        var parts = cursor?.Split('_');
        if (parts is not [var ticks, var id]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
            || t < DateTime.MinValue.Ticks || t > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(id, "N", out var g)) return null;
        return (new DateTime(t, DateTimeKind.Utc), g);
    }
}
