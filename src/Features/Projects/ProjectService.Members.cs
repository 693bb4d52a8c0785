using System.Data;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Projects;

public sealed partial class ProjectService
{
    internal const string LastOwnerRefused = "A project needs at least one owner. Make someone else an owner first.";

    public async Task<Result> AddMemberAsync(Actor actor, Guid projectId, string email, ProjectRole role, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (project, refusal) = await LoadForChangeAsync(db, actor, projectId, ct);
        if (project is null) return refusal!;
        email = (email ?? "").Trim();
        if (email.Length == 0) return Result.Invalid("Email", "Enter the email address of an existing user.");
        if (!Enum.IsDefined(role)) return Result.Invalid("Role", "Choose a role.");

        var normalized = normalizer.NormalizeEmail(email);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null)
            return Result.Invalid("Email", $"No user has the address {email}. An administrator can create the account first.");
        if (user.IsDisabled) return Result.Invalid("Email", $"{user.Label}'s account is disabled.");
        var existing = await db.ProjectMembers.AsNoTracking()
            .FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == user.Id, ct);
        if (existing is not null) return Result.Invalid("Email", AlreadyMember(user.Label, existing.Role));

        db.ProjectMembers.Add(new ProjectMember
        {
            ProjectId = projectId, UserId = user.Id, Role = role, AddedAt = clock.GetUtcNow().UtcDateTime,
        });
        audit.Add(db, actor, AuditActions.MemberAdded, nameof(ProjectMember), user.Id,
            $"Added {user.Label} to “{project.Name}” as {role}", projectId,
            after: ProjectRules.Json(new { user = user.Email, role = role.ToString() }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ProjectRules.IsUniqueViolation(ex))
        {
            return Result.Invalid("Email", AlreadyMember(user.Label, null));
        }
        return Result.Ok();
    }

    public async Task<Result> ChangeRoleAsync(Actor actor, Guid projectId, string userId, ProjectRole role, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(role)) return Result.Invalid("Role", "Choose a role.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Serialises the last-owner check with its write, so two owners demoting each other cannot leave none.
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var (member, label, refusal) = await LoadMemberForChangeAsync(db, actor, projectId, userId, ct);
        if (member is null) return refusal!;
        if (member.Role == role) return Result.Ok();
        if (member.Role == ProjectRole.Owner && !await HasOtherOwnerAsync(db, projectId, userId, ct))
            return Result.Invalid("Role", LastOwnerRefused);

        var before = member.Role;
        member.Role = role;
        audit.Add(db, actor, AuditActions.MemberRoleChanged, nameof(ProjectMember), userId,
            $"Changed {label}'s role from {before} to {role}", projectId,
            ProjectRules.Json(new { role = before.ToString() }), ProjectRules.Json(new { role = role.ToString() }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> RemoveMemberAsync(Actor actor, Guid projectId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var (member, label, refusal) = await LoadMemberForChangeAsync(db, actor, projectId, userId, ct);
        if (member is null) return refusal!;
        if (member.Role == ProjectRole.Owner && !await HasOtherOwnerAsync(db, projectId, userId, ct))
            return Result.Invalid(Result.GeneralKey, LastOwnerRefused);

        db.ProjectMembers.Remove(member);
        audit.Add(db, actor, AuditActions.MemberRemoved, nameof(ProjectMember), userId,
            $"Removed {label} (was {member.Role})", projectId, before: ProjectRules.Json(new { role = member.Role.ToString() }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }

    private static async Task<(ProjectMember? Member, string Label, Result? Refusal)> LoadMemberForChangeAsync(
        VideoHubDbContext db, Actor actor, Guid projectId, string userId, CancellationToken ct)
    {
        var (project, refusal) = await LoadForChangeAsync(db, actor, projectId, ct);
        if (project is null) return (null, "", refusal);
        var member = await db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == userId, ct);
        if (member is null) return (null, "", Result.Invalid(Result.GeneralKey, "That person is not a member of this project."));
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        return (member, user.Label, null);
    }

    private static Task<bool> HasOtherOwnerAsync(VideoHubDbContext db, Guid projectId, string userId, CancellationToken ct) =>
        db.ProjectMembers.AnyAsync(m => m.ProjectId == projectId && m.UserId != userId && m.Role == ProjectRole.Owner, ct);

    private static string AlreadyMember(string label, ProjectRole? role) =>
        role is null ? $"{label} is already a member of this project." : $"{label} is already a member of this project ({role}).";

    private static IQueryable<MemberRow> MembersQuery(VideoHubDbContext db, Guid projectId) =>
        from m in db.ProjectMembers
        join u in db.Users on m.UserId equals u.Id
        where m.ProjectId == projectId
        select new MemberRow(u.Id, u.DisplayName != "" ? u.DisplayName : u.UserName ?? u.Id, u.Email ?? "", m.Role, m.AddedAt);

    private static List<MemberRow> SortMembers(List<MemberRow> members) =>
        members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
}
