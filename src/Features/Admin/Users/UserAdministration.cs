using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Admin.Users;

/// <summary>
/// What an administrator can do to accounts. Every change runs in one database transaction together with its audit
/// row, after checking again inside that transaction that the acting user is still an active administrator.
/// </summary>
public sealed partial class UserAdministration(
    IServiceScopeFactory scopes, IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock,
    ILogger<UserAdministration> log)
{
    internal const string EntityType = "user";

    /// <summary>The services one change works with; all share the scope's DbContext and so its transaction.</summary>
    private sealed record Change(VideoHubDbContext Db, UserManager<ApplicationUser> Users, RoleManager<IdentityRole> Roles,
        AuditLog Audit, Actor Actor, DateTime Now);

    private async Task<AdminResult> ChangeAsync(Actor actor, Func<Change, Task<AdminResult>> work, CancellationToken ct)
    {
        if (!actor.IsAdmin) return AdminResult.NotAllowed;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<VideoHubDbContext>();
            // On SQLite this is BEGIN IMMEDIATE: changes to accounts are serialised, so "the last admin" stays true.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await IsActiveAdminAsync(db, actor.UserId, ct)) return AdminResult.NotAllowed;
            var change = new Change(db, sp.GetRequiredService<UserManager<ApplicationUser>>(),
                sp.GetRequiredService<RoleManager<IdentityRole>>(), sp.GetRequiredService<AuditLog>(), actor,
                clock.GetUtcNow().UtcDateTime);
            var result = await work(change);
            if (!result.Succeeded) return result; // disposing the transaction rolls back anything written so far
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            log.LogError(ex, "An admin change to accounts failed");
            return AdminResult.Fail("The change could not be saved, so nothing was changed. Try again in a moment.");
        }
    }

    private static async Task<ApplicationUser?> FindAsync(Change c, string userId) =>
        string.IsNullOrEmpty(userId) ? null : await c.Users.FindByIdAsync(userId);

    private static IQueryable<string> ActiveAdminIds(VideoHubDbContext db) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        join u in db.Users on ur.UserId equals u.Id
        where r.Name == Roles.Admin && u.DisabledAt == null
        select u.Id;

    private static Task<bool> IsActiveAdminAsync(VideoHubDbContext db, string userId, CancellationToken ct) =>
        ActiveAdminIds(db).AnyAsync(id => id == userId, ct);

    private static Task<bool> HasOtherActiveAdminAsync(VideoHubDbContext db, string userId, CancellationToken ct) =>
        ActiveAdminIds(db).AnyAsync(id => id != userId, ct);

    private static string Json(object value) => JsonSerializer.Serialize(value, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static AdminResult Failed(IdentityResult result, string fallbackField = "")
    {
        var fields = new Dictionary<string, string>();
        var general = new List<string>();
        foreach (var error in result.Errors)
        {
            // UserName is the email, so a duplicate email is reported twice by Identity; keep one.
            if (error.Code == nameof(IdentityErrorDescriber.DuplicateUserName) &&
                result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))) continue;
            var field = FieldFor(error.Code) ?? fallbackField;
            if (field.Length == 0) general.Add(error.Description);
            else fields[field] = fields.TryGetValue(field, out var existing) ? existing + " " + error.Description : error.Description;
        }
        var message = general.Count > 0 ? string.Join(" ", general) : "Check the highlighted fields; nothing was changed.";
        return AdminResult.Fail(message, fields);
    }

    private static string? FieldFor(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => UserFields.Password,
        "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" => UserFields.Email,
        _ => null,
    };
}
