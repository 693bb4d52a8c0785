using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Projects;

/// <summary>
/// Projects, their settings and their members. Every rule is checked here, whatever the page shows, and every
/// change writes its audit row in the same SaveChanges.
/// </summary>
public sealed partial class ProjectService(IDbContextFactory<VideoHubDbContext> dbFactory, AuditLog audit,
    TimeProvider clock, ILookupNormalizer normalizer)
{
    internal const string ManageRefused = "Only the project's owners and administrators can do that.";
    internal const string ArchivedRefused = "This project is archived. Restore it before changing it.";

    public async Task<IReadOnlyList<ProjectSummary>> ListAsync(Actor actor, ProjectListFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = ProjectAccess.Visible(db, actor).AsNoTracking();
        if (!filter.IncludeArchived) query = query.Where(p => p.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var key = Project.KeyFor(filter.Search);
            query = query.Where(p => p.NameKey.Contains(key));
        }
        return await query
            .OrderBy(p => p.ArchivedAt != null).ThenBy(p => p.NameKey)
            .Select(p => new ProjectSummary(p.Id, p.Name, p.Brief,
                p.Members.Where(m => m.UserId == actor.UserId).Select(m => (ProjectRole?)m.Role).FirstOrDefault(),
                p.Members.Count, p.CreatedAt, p.ArchivedAt))
            .ToListAsync(ct);
    }

    /// <summary>The project with its members, or null when it does not exist or the actor may not see it.</summary>
    public async Task<ProjectDetails?> GetAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grant = await ProjectAccess.GetAsync(db, actor, projectId, ct);
        if (!grant.CanView) return null;
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == projectId, ct);
        var creator = await db.Users.Where(u => u.Id == project.CreatedById)
            .Select(u => u.DisplayName != "" ? u.DisplayName : u.UserName).FirstOrDefaultAsync(ct);
        var members = await MembersQuery(db, projectId).ToListAsync(ct);
        return new ProjectDetails(project.Id, project.Name, project.Brief, project.Settings, project.CreatedAt,
            creator ?? "a former user", project.ArchivedAt, grant, SortMembers(members));
    }

    public async Task<Result<Guid>> CreateAsync(Actor actor, ProjectInput input, CancellationToken ct = default)
    {
        var (name, brief, errors) = ProjectRules.Check(input);
        if (errors.Count > 0) return Result<Guid>.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Project.KeyFor(name);
        if (await db.Projects.AnyAsync(p => p.NameKey == key, ct))
            return Result<Guid>.Invalid(nameof(ProjectInput.Name), ProjectRules.NameTaken(name));

        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            Name = name, NameKey = key, Brief = brief, CreatedAt = now, CreatedById = actor.UserId,
            Members = [new ProjectMember { UserId = actor.UserId, Role = ProjectRole.Owner, AddedAt = now }],
        };
        db.Projects.Add(project);
        audit.Add(db, actor, AuditActions.ProjectCreated, nameof(Project), project.Id.ToString(),
            $"Created project “{name}”", project.Id, after: ProjectRules.Json(new { name, brief }));
        return await SaveAsync(db, ct, name) is { } refused ? Result<Guid>.Invalid(refused.Errors) : Result<Guid>.Ok(project.Id);
    }

    public async Task<Result> UpdateAsync(Actor actor, Guid projectId, ProjectInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (project, refusal) = await LoadForChangeAsync(db, actor, projectId, ct);
        if (project is null) return refusal!;
        var (name, brief, errors) = ProjectRules.Check(input);
        if (errors.Count > 0) return Result.Invalid(errors);

        var key = Project.KeyFor(name);
        if (await db.Projects.AnyAsync(p => p.NameKey == key && p.Id != projectId, ct))
            return Result.Invalid(nameof(ProjectInput.Name), ProjectRules.NameTaken(name));
        if (project.Name == name && project.Brief == brief) return Result.Ok();

        var before = ProjectRules.Json(new { name = project.Name, brief = project.Brief });
        var summary = project.Name == name ? $"Edited the brief of “{name}”" : $"Renamed “{project.Name}” to “{name}”";
        (project.Name, project.NameKey, project.Brief) = (name, key, brief);
        audit.Add(db, actor, AuditActions.ProjectUpdated, nameof(Project), project.Id.ToString(), summary, project.Id,
            before, ProjectRules.Json(new { name, brief }));
        return await SaveAsync(db, ct, name) ?? Result.Ok();
    }

    /// <summary>Loads the project tracked for a change, or says why the actor may not change it.</summary>
    private static async Task<(Project? Project, Result? Refusal)> LoadForChangeAsync(VideoHubDbContext db, Actor actor,
        Guid projectId, CancellationToken ct, bool allowArchived = false)
    {
        var grant = await ProjectAccess.GetAsync(db, actor, projectId, ct);
        if (!grant.CanView) return (null, Result.NotFound());
        if (!grant.CanManage) return (null, Result.Forbidden(ManageRefused));
        if (grant.IsArchived && !allowArchived) return (null, Result.Invalid(Result.GeneralKey, ArchivedRefused));
        return (await db.Projects.FirstAsync(p => p.Id == projectId, ct), null);
    }

    /// <summary>Saves; a name taken by a concurrent create (the unique index) becomes a field error, not an exception.</summary>
    private static async Task<Result?> SaveAsync(VideoHubDbContext db, CancellationToken ct, string name)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (ProjectRules.IsUniqueViolation(ex))
        {
            return Result.Invalid(nameof(ProjectInput.Name), ProjectRules.NameTaken(name));
        }
    }
}
