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
