using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;
using VideoHub.Features.Admin;
using VideoHub.Features.Admin.Users;
using VideoHub.Tests.Infrastructure;
using static VideoHub.Tests.Features.Admin.AdminTestExtensions;

namespace VideoHub.Tests.Features.Admin;

public sealed class UserAdministrationTests(VideoHubFactory factory) : IClassFixture<VideoHubFactory>, IDisposable
{
    private const string NewPassword = "a brand new passphrase";
    private readonly IServiceScope scope = factory.Services.CreateScope();
    private UserAdministration Admin => scope.ServiceProvider.GetRequiredService<UserAdministration>();

    private async Task<Actor> NewAdminAsync() =>
        await factory.ActorForAsync(await factory.CreateUserAsync(UniqueEmail("admin"), admin: true));

    private async Task<int> AuditCountAsync()
    {
        await using var db = await factory.DbAsync();
        return await db.AuditEvents.CountAsync();
    }

    private async Task<bool> UserExistsAsync(string email)
    {
        await using var db = await factory.DbAsync();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    [Fact]
    public async Task CreateUser_WithValidInput_CreatesUserWhoCanSignIn_AndWritesAudit()
    {
        var actor = await NewAdminAsync();
        var email = UniqueEmail("new");

        var result = await Admin.CreateUserAsync(actor, new NewUser($"  {email} ", " New Person ", NewPassword));

        Assert.True(result.Succeeded, result.Message);
        await using var db = await factory.DbAsync();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        Assert.Equal("New Person", user.DisplayName);
        Assert.Equal(email, user.Email);
        Assert.Null(user.DisabledAt);
        var audit = Assert.Single(await factory.AuditForAsync(user.Id));
        Assert.Equal(AuditActions.UserCreated, audit.Action);
        Assert.Equal(actor.UserId, audit.ActorId);
        Assert.Contains(email, audit.After);
        var signIn = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task CreateUser_WithDuplicateEmail_IsRefusedOnTheEmailField_AndChangesNothing()
    {
        var actor = await NewAdminAsync();
        var existing = await factory.CreateUserAsync(UniqueEmail("taken"));
        var auditBefore = await AuditCountAsync();

        var result = await Admin.CreateUserAsync(actor, new NewUser(existing.Email!.ToUpperInvariant(), "Someone Else", NewPassword));

        Assert.False(result.Succeeded);
        Assert.Contains("already taken", result.ErrorFor(UserFields.Email));
        await using var db = await factory.DbAsync();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == existing.NormalizedEmail));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task CreateUser_WithCommonPassword_IsRefusedOnThePasswordField_AndCreatesNothing()
    {
        var actor = await NewAdminAsync();
        var email = UniqueEmail("common");
        var auditBefore = await AuditCountAsync();

        var result = await Admin.CreateUserAsync(actor, new NewUser(email, "Common", "password1"));

        Assert.False(result.Succeeded);
        Assert.Contains("commonly used", result.ErrorFor(UserFields.Password));
        Assert.False(await UserExistsAsync(email));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task CreateUser_WithEmptyFields_SaysWhatIsMissing_AndCreatesNothing()
    {
        var actor = await NewAdminAsync();

        var result = await Admin.CreateUserAsync(actor, new NewUser("not-an-email", " ", ""));

        Assert.False(result.Succeeded);
        Assert.Equal("Enter a valid email address, like name@example.com.", result.ErrorFor(UserFields.Email));
        Assert.Equal("Enter a display name.", result.ErrorFor(UserFields.DisplayName));
        Assert.Equal("Enter an initial password.", result.ErrorFor(UserFields.Password));
        Assert.False(await UserExistsAsync("not-an-email"));
    }

    [Fact]
    public async Task Disable_ChangesSecurityStamp_RefusesSignIn_AndStopsResolvingTheUser()
    {
        var actor = await NewAdminAsync();
        var target = await factory.CreateUserAsync(UniqueEmail("leaver"));
        _ = await factory.SignedInClientAsync(target.Email!);
        var stampBefore = (await factory.UserAsync(target.Id)).SecurityStamp;
        Assert.NotNull(await factory.ResolveAsync(target.Id));

        var result = await Admin.DisableAsync(actor, target.Id);

        Assert.True(result.Succeeded, result.Message);
        var after = await factory.UserAsync(target.Id);
        Assert.NotNull(after.DisabledAt);
        // Every open session fails its next security-stamp validation (within IdentitySetup.RevalidationInterval).
        Assert.NotEqual(stampBefore, after.SecurityStamp);
        Assert.Null(await factory.ResolveAsync(target.Id));
        var again = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), target.Email!, TestPasswords.Default);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This account has been disabled", await again.Content.ReadAsStringAsync());
        var audit = Assert.Single(await factory.AuditForAsync(target.Id), a => a.Action.StartsWith("user."));
        Assert.Equal(AuditActions.UserDisabled, audit.Action);
        Assert.Equal("""{"disabledAt":null}""", audit.Before);
        Assert.Contains("disabledAt", audit.After);
    }

    [Fact]
    public async Task Enable_AfterDisable_LetsTheUserSignInAgain()
    {
        var actor = await NewAdminAsync();
        var target = await factory.CreateUserAsync(UniqueEmail("returner"));
        Assert.True((await Admin.DisableAsync(actor, target.Id)).Succeeded);

        var result = await Admin.EnableAsync(actor, target.Id);

        Assert.True(result.Succeeded, result.Message);
        Assert.Null((await factory.UserAsync(target.Id)).DisabledAt);
        Assert.NotNull(await factory.ResolveAsync(target.Id));
        var signIn = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), target.Email!, TestPasswords.Default);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal([AuditActions.UserDisabled, AuditActions.UserEnabled, AuditActions.SignInSucceeded],
            (await factory.AuditForAsync(target.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task ResetPassword_SetsTheNewPassword_UnlocksTheAccount_AndChangesSecurityStamp()
    {
        var actor = await NewAdminAsync();
        var target = await factory.CreateUserAsync(UniqueEmail("forgetful"));
        using (var s = factory.Services.CreateScope())
        {
            var users = s.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(target.Id);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddHours(1));
        }
        var stampBefore = (await factory.UserAsync(target.Id)).SecurityStamp;

        var result = await Admin.ResetPasswordAsync(actor, target.Id, NewPassword);

        Assert.True(result.Succeeded, result.Message);
        var after = await factory.UserAsync(target.Id);
        Assert.NotEqual(stampBefore, after.SecurityStamp);
        Assert.True(after.LockoutEnd is null || after.LockoutEnd <= DateTimeOffset.UtcNow);
        var old = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), target.Email!, TestPasswords.Default);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var fresh = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), target.Email!, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        var audit = (await factory.AuditForAsync(target.Id)).Single(a => a.Action == AuditActions.UserPasswordReset);
        Assert.Equal("""{"lockedOut":true}""", audit.Before);
        Assert.Equal("""{"lockedOut":false}""", audit.After);
    }

    [Fact]
    public async Task ResetPassword_WithTooShortPassword_ShowsTheRule_AndKeepsTheOldPassword()
    {
        var actor = await NewAdminAsync();
        var target = await factory.CreateUserAsync(UniqueEmail("keeper"));
        var stampBefore = (await factory.UserAsync(target.Id)).SecurityStamp;

        var result = await Admin.ResetPasswordAsync(actor, target.Id, "short");

        Assert.False(result.Succeeded);
        Assert.Contains("at least 8", result.ErrorFor(UserFields.Password));
        Assert.Equal(stampBefore, (await factory.UserAsync(target.Id)).SecurityStamp);
        Assert.Empty(await factory.AuditForAsync(target.Id));
        var signIn = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), target.Email!, TestPasswords.Default);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task GrantThenRevokeAdmin_ChangesRights_ChangesStampOnRevoke_AndAuditsBeforeAndAfter()
    {
        var actor = await NewAdminAsync();
        var target = await factory.CreateUserAsync(UniqueEmail("promoted"));

        var granted = await Admin.GrantAdminAsync(actor, target.Id);

        Assert.True(granted.Succeeded, granted.Message);
        Assert.True((await factory.ResolveAsync(target.Id))!.IsAdmin);
        var stampBefore = (await factory.UserAsync(target.Id)).SecurityStamp;

        var revoked = await Admin.RevokeAdminAsync(actor, target.Id);

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.False((await factory.ResolveAsync(target.Id))!.IsAdmin);
        Assert.NotEqual(stampBefore, (await factory.UserAsync(target.Id)).SecurityStamp);
        var audit = await factory.AuditForAsync(target.Id);
        Assert.Equal([AuditActions.AdminGranted, AuditActions.AdminRevoked], audit.Select(a => a.Action));
        Assert.Equal(["""{"isAdmin":false}""", """{"isAdmin":true}"""], audit.Select(a => a.Before));
        Assert.All(audit, a => Assert.Equal(actor.UserId, a.ActorId));
    }

    [Fact]
    public async Task RevokeAdmin_OfYourself_IsRefused_EvenWithOtherAdmins()
    {
        await NewAdminAsync();
        var me = await NewAdminAsync();

        var result = await Admin.RevokeAdminAsync(me, me.UserId);

        Assert.False(result.Succeeded);
        Assert.Contains("your own administrator rights", result.Message);
        Assert.True((await factory.ResolveAsync(me.UserId))!.IsAdmin);
    }

    [Fact]
    public async Task Disable_Yourself_IsRefused_EvenWithOtherAdmins()
    {
        await NewAdminAsync();
        var me = await NewAdminAsync();

        var result = await Admin.DisableAsync(me, me.UserId);

        Assert.False(result.Succeeded);
        Assert.Equal("You cannot disable your own account.", result.Message);
        Assert.Null((await factory.UserAsync(me.UserId)).DisabledAt);
    }

    [Fact]
    public async Task Actor_WhoseAdminRightsWereJustRevoked_IsRefused()
    {
        var other = await NewAdminAsync();
        var stale = await NewAdminAsync();
        var target = await factory.CreateUserAsync(UniqueEmail("bystander"));
        Assert.True((await Admin.RevokeAdminAsync(other, stale.UserId)).Succeeded);

        var result = await Admin.DisableAsync(stale, target.Id);

        Assert.Equal(AdminResult.NotAllowed.Message, result.Message);
        Assert.Null((await factory.UserAsync(target.Id)).DisabledAt);
    }

    public void Dispose() => scope.Dispose();
}
