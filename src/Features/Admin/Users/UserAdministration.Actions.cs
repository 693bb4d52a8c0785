using System.ComponentModel.DataAnnotations;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Admin.Users;

public sealed partial class UserAdministration
{
    private const int EmailMaxLength = 256;

    public Task<AdminResult> CreateUserAsync(Actor actor, NewUser input, CancellationToken ct = default) =>
        ChangeAsync(actor, async c =>
        {
            var email = (input.Email ?? "").Trim();
            var displayName = (input.DisplayName ?? "").Trim();
            var fields = new Dictionary<string, string>();
            if (email.Length == 0) fields[UserFields.Email] = "Enter an email address.";
            else if (email.Length > EmailMaxLength || !new EmailAddressAttribute().IsValid(email))
                fields[UserFields.Email] = "Enter a valid email address, like name@example.com.";
            if (displayName.Length == 0) fields[UserFields.DisplayName] = "Enter a display name.";
            else if (displayName.Length > ApplicationUser.DisplayNameMaxLength)
                fields[UserFields.DisplayName] = $"Use at most {ApplicationUser.DisplayNameMaxLength} characters.";
            if (string.IsNullOrEmpty(input.Password)) fields[UserFields.Password] = "Enter an initial password.";
            if (fields.Count > 0) return AdminResult.Fail("Check the highlighted fields; nothing was changed.", fields);

            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = c.Now,
            };
            var created = await c.Users.CreateAsync(user, input.Password);
            if (!created.Succeeded) return Failed(created);
            c.Audit.Add(c.Db, c.Actor, AuditActions.UserCreated, EntityType, user.Id, $"Created user {email}",
                after: Json(new { email, displayName }));
            return AdminResult.Ok($"Created {displayName} ({email}).");
        }, ct);

    public Task<AdminResult> DisableAsync(Actor actor, string userId, CancellationToken ct = default) =>
        ChangeAsync(actor, async c =>
        {
            if (await FindAsync(c, userId) is not { } user) return UserGone;
            if (user.IsDisabled) return AdminResult.Fail($"{user.Label} is already disabled.");
            if (await c.Users.IsInRoleAsync(user, Roles.Admin) && !await HasOtherActiveAdminAsync(c.Db, user.Id, ct))
                return AdminResult.Fail($"{user.Label} is the last active administrator and cannot be disabled. Make someone else an administrator first.");
            if (user.Id == c.Actor.UserId) return AdminResult.Fail("You cannot disable your own account.");

            user.DisabledAt = c.Now;
            c.Audit.Add(c.Db, c.Actor, AuditActions.UserDisabled, EntityType, user.Id, $"Disabled user {user.Email}",
                before: Json(new { disabledAt = (DateTime?)null }), after: Json(new { disabledAt = c.Now }));
            // A new stamp ends the user's sessions at their next validation (IdentitySetup.RevalidationInterval).
            var saved = await c.Users.UpdateSecurityStampAsync(user);
            return saved.Succeeded
                ? AdminResult.Ok($"Disabled {user.Label}. Their open sessions end within a minute.")
                : Failed(saved);
        }, ct);

    public Task<AdminResult> EnableAsync(Actor actor, string userId, CancellationToken ct = default) =>
        ChangeAsync(actor, async c =>
        {
            if (await FindAsync(c, userId) is not { } user) return UserGone;
            if (!user.IsDisabled) return AdminResult.Fail($"{user.Label} is already enabled.");

            var disabledAt = user.DisabledAt;
            user.DisabledAt = null;
            c.Audit.Add(c.Db, c.Actor, AuditActions.UserEnabled, EntityType, user.Id, $"Enabled user {user.Email}",
                before: Json(new { disabledAt }), after: Json(new { disabledAt = (DateTime?)null }));
            var saved = await c.Users.UpdateAsync(user);
            return saved.Succeeded ? AdminResult.Ok($"Enabled {user.Label}. They can sign in again.") : Failed(saved);
        }, ct);

    public Task<AdminResult> ResetPasswordAsync(Actor actor, string userId, string newPassword, CancellationToken ct = default) =>
        ChangeAsync(actor, async c =>
        {
            if (await FindAsync(c, userId) is not { } user) return UserGone;
            if (user.Id == c.Actor.UserId)
                return AdminResult.Fail("Change your own password from your account page (Account → Change password).");
            if (string.IsNullOrEmpty(newPassword))
                return AdminResult.Fail("Enter a new password.", new Dictionary<string, string> { [UserFields.Password] = "Enter a new password." });

            var wasLockedOut = await c.Users.IsLockedOutAsync(user);
            var token = await c.Users.GeneratePasswordResetTokenAsync(user);
            // Runs the password validators and renews the security stamp, so existing sessions end.
            var reset = await c.Users.ResetPasswordAsync(user, token, newPassword);
            if (!reset.Succeeded) return Failed(reset, UserFields.Password);
            var unlocked = await c.Users.SetLockoutEndDateAsync(user, null);
            if (!unlocked.Succeeded) return Failed(unlocked);
            var counted = await c.Users.ResetAccessFailedCountAsync(user);
            if (!counted.Succeeded) return Failed(counted);

            c.Audit.Add(c.Db, c.Actor, AuditActions.UserPasswordReset, EntityType, user.Id,
                $"Reset the password of {user.Email}", before: Json(new { lockedOut = wasLockedOut }),
                after: Json(new { lockedOut = false }));
            return AdminResult.Ok($"Set a new password for {user.Label}{(wasLockedOut ? " and unlocked the account" : "")}. Their open sessions end within a minute.");
        }, ct);

    public Task<AdminResult> GrantAdminAsync(Actor actor, string userId, CancellationToken ct = default) =>
        ChangeAsync(actor, async c =>
        {
            if (await FindAsync(c, userId) is not { } user) return UserGone;
            if (await c.Users.IsInRoleAsync(user, Roles.Admin)) return AdminResult.Fail($"{user.Label} is already an administrator.");

            if (!await c.Roles.RoleExistsAsync(Roles.Admin))
            {
                var role = await c.Roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole(Roles.Admin));
                if (!role.Succeeded) return Failed(role);
            }
            var added = await c.Users.AddToRoleAsync(user, Roles.Admin);
            if (!added.Succeeded) return Failed(added);
            c.Audit.Add(c.Db, c.Actor, AuditActions.AdminGranted, EntityType, user.Id, $"Made {user.Email} an administrator",
                before: Json(new { isAdmin = false }), after: Json(new { isAdmin = true }));
            return AdminResult.Ok($"{user.Label} is now an administrator.");
        }, ct);

    public Task<AdminResult> RevokeAdminAsync(Actor actor, string userId, CancellationToken ct = default) =>
        ChangeAsync(actor, async c =>
        {
            if (await FindAsync(c, userId) is not { } user) return UserGone;
            if (!await c.Users.IsInRoleAsync(user, Roles.Admin)) return AdminResult.Fail($"{user.Label} is not an administrator.");
            if (!await HasOtherActiveAdminAsync(c.Db, user.Id, ct))
                return AdminResult.Fail($"{user.Label} is the last active administrator. Make someone else an administrator first.");
            if (user.Id == c.Actor.UserId)
                return AdminResult.Fail("You cannot remove your own administrator rights. Ask another administrator.");

            var removed = await c.Users.RemoveFromRoleAsync(user, Roles.Admin);
            if (!removed.Succeeded) return Failed(removed);
            c.Audit.Add(c.Db, c.Actor, AuditActions.AdminRevoked, EntityType, user.Id,
                $"Removed administrator rights from {user.Email}",
                before: Json(new { isAdmin = true }), after: Json(new { isAdmin = false }));
            // The user signs in again and gets a session without the Admin role.
            var stamped = await c.Users.UpdateSecurityStampAsync(user);
            return stamped.Succeeded ? AdminResult.Ok($"{user.Label} is no longer an administrator.") : Failed(stamped);
        }, ct);

    private static AdminResult UserGone => AdminResult.Fail("That user does not exist any more. Reload the list.");
}
