using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;

namespace VideoHub.Features.Requests;

/// <summary>One of my requests with the name of its project, for the cross-project list.</summary>
public sealed record MyRequestRow(RenderRequestView Request, string ProjectName);

/// <summary>The signed-in user's own recent requests across the projects they can still see.</summary>
public sealed class MyRequestsService(IDbContextFactory<VideoHubDbContext> dbFactory)
{
    public const int MaxRows = 50;

    public async Task<IReadOnlyList<MyRequestRow>> RecentAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = ProjectAccess.Visible(db, actor);
        var rows = await db.RenderRequests.AsNoTracking()
            .Where(r => r.AuthorId == actor.UserId && visible.Any(p => p.Id == r.ProjectId))
            .OrderByDescending(r => r.CreatedAt).Take(MaxRows).ToListAsync(ct);
        var ids = rows.Select(r => r.ProjectId).Distinct().ToList();
        var names = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return rows.Select(r => new MyRequestRow(RenderRequestView.From(r, withHistory: false), names.GetValueOrDefault(r.ProjectId, ""))).ToList();
    }

    /// <summary>The provider's job id of a request the actor can see (the view the rendering service gives leaves it out).</summary>
    public async Task<string?> ProviderJobIdAsync(Actor actor, Guid requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RenderRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new { r.ProjectId, r.ProviderJobId, r.ImageReferenceKey }).FirstOrDefaultAsync(ct);
        if (row is null || !(await ProjectAccess.GetAsync(db, actor, row.ProjectId, ct)).CanView) return null;
        return row.ProviderJobId;
    }

    /// <summary>Requests waiting for an Owner's approval in a project the actor manages; null when they may not.</summary>
    public async Task<IReadOnlyList<RenderRequestView>?> AwaitingApprovalAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanManage) return null;
        var rows = await db.RenderRequests.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.State == Domain.Rendering.RenderState.AwaitingApproval)
            .OrderBy(r => r.CreatedAt).Take(200).ToListAsync(ct);
        return rows.Select(r => RenderRequestView.From(r, withHistory: false)).ToList();
    }

    /// <summary>Everyone who made a request in the project, for the author filter; empty when the project is not visible.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> AuthorsAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return [];
        var rows = await db.RenderRequests.AsNoTracking().Where(r => r.ProjectId == projectId)
            .Select(r => new { r.AuthorId, r.AuthorName }).Distinct().ToListAsync(ct);
        return rows.GroupBy(r => r.AuthorId).Select(g => (g.Key, g.First().AuthorName)).OrderBy(a => a.Item2).ToList();
    }
}
