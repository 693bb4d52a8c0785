using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;

namespace VideoHub.Account;

public enum SignInOutcome { Succeeded, RequiresTwoFactor, LockedOut, Disabled, Failed }

/// <summary>
/// Sign-in, sign-out and password change for the account pages, each written to the audit log. Failed attempts
/// record the email that was tried, never the password.
/// </summary>
public sealed class AccountSignIn(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users,
    VideoHubDbContext db, AuditLog audit)
{
    private const string EntityType = "User";

    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password, bool rememberMe)
    {
        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await audit.RecordAsync(null, AuditActions.SignInFailed, EntityType, "", $"Failed sign-in as {email}: no such account");
            return SignInOutcome.Failed;
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return SignInOutcome.RequiresTwoFactor; // recorded after the second step
        if (result.IsNotAllowed && user.IsDisabled)
        {
            // Only someone who knows the password learns that the account is disabled.
            var disabled = await users.CheckPasswordAsync(user, password);
            await audit.RecordAsync(null, AuditActions.SignInFailed, EntityType, user.Id,
                disabled ? $"Sign-in as {email} refused: the account is disabled" : $"Failed sign-in as {email}: wrong password");
            return disabled ? SignInOutcome.Disabled : SignInOutcome.Failed;
        }
        return await RecordAsync(user, result, wasLockedOut, "password");
    }

    /// <summary>Records the second step of a two-factor sign-in (authenticator or recovery code).</summary>
    public async Task<SignInOutcome> RecordTwoFactorAsync(ApplicationUser user, SignInResult result, bool wasLockedOut, string method) =>
        await RecordAsync(user, result, wasLockedOut, method);

    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        await signIn.SignOutAsync();
        if (user is not null)
            await audit.RecordAsync(ActorOf(user), AuditActions.SignedOut, EntityType, user.Id, $"{user.Email} signed out");
    }

    /// <summary>Changes the password and writes the audit row in the same transaction.</summary>
    public async Task<IdentityResult> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded) return result;
        audit.Add(db, ActorOf(user), AuditActions.PasswordChanged, EntityType, user.Id, $"{user.Email} changed their password");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        await signIn.RefreshSignInAsync(user);
        return result;
    }

    /// <summary>Records a change the user made to their own sign-in settings (two-factor authentication).</summary>
    public Task RecordOwnChangeAsync(ApplicationUser user, string action, string summary) =>
        audit.RecordAsync(ActorOf(user), action, EntityType, user.Id, summary);

    private async Task<SignInOutcome> RecordAsync(ApplicationUser user, SignInResult result, bool wasLockedOut, string method)
    {
        var email = user.Email;
        if (result.Succeeded)
        {
            await audit.RecordAsync(ActorOf(user), AuditActions.SignInSucceeded, EntityType, user.Id, $"{email} signed in ({method})");
            return SignInOutcome.Succeeded;
        }
        if (result.IsLockedOut)
        {
            var until = (await users.GetLockoutEndDateAsync(user))?.UtcDateTime;
            var summary = wasLockedOut
                ? $"Sign-in as {email} refused: the account is locked until {until:u}"
                : $"Account {email} locked until {until:u} after {users.Options.Lockout.MaxFailedAccessAttempts} failed sign-ins";
            await audit.RecordAsync(null, AuditActions.LockedOut, EntityType, user.Id, summary);
            return SignInOutcome.LockedOut;
        }
        await audit.RecordAsync(null, AuditActions.SignInFailed, EntityType, user.Id, $"Failed sign-in as {email}: wrong {method}");
        return SignInOutcome.Failed;
    }

    // The audit log keeps the actor's id and name; admin rights play no part here.
    private static Actor ActorOf(ApplicationUser user) => new(user.Id, user.Label, IsAdmin: false);
}
