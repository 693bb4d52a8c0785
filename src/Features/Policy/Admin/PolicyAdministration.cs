using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Users;
using VideoHub.Features.Admin;

namespace VideoHub.Features.Policy.Admin;

/// <summary>
/// What an administrator can do to the content rules. Each change is checked against a fresh read of the acting
/// user's admin role, written together with its audit row, and invalidates the compiled rule cache.
/// </summary>
public sealed class PolicyAdministration(IDbContextFactory<VideoHubDbContext> dbFactory, AuditLog audit,
    PolicyRuleCache cache, PolicyCheck check, TimeProvider clock, ILogger<PolicyAdministration> log)
{
    internal const string EntityType = "policy-rule";

    public async Task<IReadOnlyList<PolicyRule>> ListAsync(Actor actor, PolicyRuleFilter filter, CancellationToken ct = default)
    {
        AdminGuard.Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.PolicyRules.AsNoTracking();
        if (filter.Category is { } c) query = query.Where(r => r.Category == c);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim().ToLower();
            query = query.Where(r => r.Pattern.ToLower().Contains(s) || r.Message.ToLower().Contains(s));
        }
        return await query.OrderBy(r => r.Category).ThenBy(r => r.Pattern).ToListAsync(ct);
    }

    /// <summary>Runs the real content rules on a prompt, for the "try a prompt" box.</summary>
    public async Task<IReadOnlyList<PolicyFinding>> TryAsync(Actor actor, string prompt, CancellationToken ct = default)
    {
        AdminGuard.Demand(actor);
        return await check.CheckContentAsync(prompt, ct);
    }

    public Task<AdminResult> CreateAsync(Actor actor, PolicyRuleEdit edit, CancellationToken ct = default) =>
        ChangeAsync(actor, edit, async (db, now) =>
        {
            var rule = new PolicyRule { CreatedAt = now };
            Apply(rule, edit, now);
            db.PolicyRules.Add(rule);
            await db.SaveChangesAsync(ct); // the id goes into the audit row
            audit.Add(db, actor, AuditActions.PolicyRuleCreated, EntityType, rule.Id.ToString(), $"Added rule {edit}", after: edit.ToString());
            return AdminResult.Ok("The rule was added.");
        }, ct);

    public Task<AdminResult> UpdateAsync(Actor actor, long id, PolicyRuleEdit edit, CancellationToken ct = default) =>
        ChangeAsync(actor, edit, async (db, now) =>
        {
            if (await db.PolicyRules.FindAsync([id], ct) is not { } rule) return AdminResult.Fail("This rule no longer exists.");
            var before = PolicyRuleEdit.From(rule).ToString();
            Apply(rule, edit, now);
            audit.Add(db, actor, AuditActions.PolicyRuleUpdated, EntityType, id.ToString(), $"Changed rule {edit}", before: before, after: edit.ToString());
            return AdminResult.Ok("The rule was saved.");
        }, ct);

    public Task<AdminResult> SetEnabledAsync(Actor actor, long id, bool enabled, CancellationToken ct = default) =>
        ChangeAsync(actor, null, async (db, now) =>
        {
            if (await db.PolicyRules.FindAsync([id], ct) is not { } rule) return AdminResult.Fail("This rule no longer exists.");
            if (rule.Enabled == enabled) return AdminResult.Ok(enabled ? "The rule is already on." : "The rule is already off.");
            rule.Enabled = enabled;
            rule.UpdatedAt = now;
            audit.Add(db, actor, enabled ? AuditActions.PolicyRuleEnabled : AuditActions.PolicyRuleDisabled, EntityType, id.ToString(),
                $"{(enabled ? "Turned on" : "Turned off")} rule “{rule.Pattern}”");
            return AdminResult.Ok(enabled ? "The rule is on." : "The rule is off.");
        }, ct);

    public Task<AdminResult> DeleteAsync(Actor actor, long id, CancellationToken ct = default) =>
        ChangeAsync(actor, null, async (db, _) =>
        {
            if (await db.PolicyRules.FindAsync([id], ct) is not { } rule) return AdminResult.Fail("This rule no longer exists.");
            var before = PolicyRuleEdit.From(rule).ToString();
            db.PolicyRules.Remove(rule);
            audit.Add(db, actor, AuditActions.PolicyRuleDeleted, EntityType, id.ToString(), $"Deleted rule “{rule.Pattern}”", before: before);
            return AdminResult.Ok("The rule was deleted.");
        }, ct);

    private async Task<AdminResult> ChangeAsync(Actor actor, PolicyRuleEdit? edit,
        Func<VideoHubDbContext, DateTime, Task<AdminResult>> work, CancellationToken ct)
    {
        if (!actor.IsAdmin) return AdminResult.NotAllowed;
        if (edit?.Validate() is { Count: > 0 } errors) return AdminResult.Fail("Check the highlighted fields.", errors);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await IsActiveAdminAsync(db, actor.UserId, ct)) return AdminResult.NotAllowed;
            var result = await work(db, clock.GetUtcNow().UtcDateTime);
            if (!result.Succeeded) return result;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            cache.Invalidate();
            return result;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            log.LogError(ex, "A change to the content rules failed");
            return AdminResult.Fail("The change could not be saved, so nothing was changed. Try again in a moment.");
        }
    }

    private static void Apply(PolicyRule rule, PolicyRuleEdit edit, DateTime now)
    {
        rule.Category = edit.Category;
        rule.Pattern = edit.Pattern.Trim();
        rule.IsRegex = edit.IsRegex;
        rule.Action = edit.Action;
        rule.Message = edit.Message.Trim();
        rule.SuggestedFix = string.IsNullOrWhiteSpace(edit.SuggestedFix) ? null : edit.SuggestedFix.Trim();
        rule.Enabled = edit.Enabled;
        rule.UpdatedAt = now;
    }

    private static Task<bool> IsActiveAdminAsync(VideoHubDbContext db, string userId, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         join u in db.Users on ur.UserId equals u.Id
         where r.Name == Roles.Admin && u.DisabledAt == null && u.Id == userId
         select u.Id).AnyAsync(ct);
}
