using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Projects;

/// <summary>
/// What one user may do in one project. Every page, endpoint and service that touches a project asks here.
/// A project the user may not see and a project that does not exist give the same answer (<see cref="CanView"/> false),
/// so callers answer both with "not found".
/// </summary>
public sealed record ProjectGrant(Guid ProjectId, bool CanView, ProjectRole? Role, bool IsAdmin, bool IsArchived)
{
    public static ProjectGrant None(Guid projectId) => new(projectId, false, null, false, false);

    /// <summary>Render requests, catalog use, storyboards.</summary>
    public bool CanEdit => CanView && ProjectPermissions.CanEdit(Role, IsAdmin);
    /// <summary>Review decisions.</summary>
    public bool CanDecide => CanView && ProjectPermissions.CanDecide(Role, IsAdmin);
    /// <summary>Time-coded comments.</summary>
    public bool CanComment => CanView && ProjectPermissions.CanComment(Role, IsAdmin);
    /// <summary>Members, settings, budget, approval rules, archiving.</summary>
    public bool CanManage => CanView && ProjectPermissions.CanManage(Role, IsAdmin);
}

/// <summary>Answers "may this actor see this project, and with which role?" from the database, on every call.</summary>
public sealed class ProjectAccess(IDbContextFactory<VideoHubDbContext> dbFactory)
{
    public async Task<ProjectGrant> GetAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await GetAsync(db, actor, projectId, ct);
    }

    /// <summary>The same check inside a caller's unit of work, so the check and the change see the same rows.</summary>
    public static async Task<ProjectGrant> GetAsync(VideoHubDbContext db, Actor actor, Guid projectId, CancellationToken ct = default)
    {
        var row = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.ArchivedAt,
                Role = p.Members.Where(m => m.UserId == actor.UserId).Select(m => (ProjectRole?)m.Role).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null || !ProjectPermissions.CanView(row.Role, actor.IsAdmin)) return ProjectGrant.None(projectId);
        return new ProjectGrant(projectId, true, row.Role, actor.IsAdmin, row.ArchivedAt is not null);
    }

    /// <summary>The projects the actor may see (admins: all), for list queries of any feature.</summary>
    public static IQueryable<Project> Visible(VideoHubDbContext db, Actor actor) =>
        actor.IsAdmin ? db.Projects : db.Projects.Where(p => p.Members.Any(m => m.UserId == actor.UserId));
}
