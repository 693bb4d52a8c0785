using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Account.Pages;

public sealed class LoginTests : IDisposable
{
    private const string Email = "ada@example.com";
    private const string WrongPassword = "purple elephant dancing";
    private const string DisabledMessage = "This account has been disabled. Ask an administrator.";
    private const string InvalidMessage = "The email or password is not correct.";

    private readonly VideoHubFactory factory = new();

    [Fact]
    public async Task SignIn_WithRightPassword_RedirectsSignsInAndAudits()
    {
        var user = await factory.CreateUserAsync(Email);
        var client = factory.AnonymousClient();

        var response = await BrowserlessSignIn.PostLoginAsync(client, Email, TestPasswords.Default);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.SignInSucceeded));
        Assert.Equal(user.Id, audit.ActorId);
        Assert.Contains(Email, audit.Summary);
    }

    [Theory]
    [InlineData("/Account/Manage", "/Account/Manage")]
    [InlineData("Account/Manage/ChangePassword", "/Account/Manage/ChangePassword")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    public async Task SignIn_WithReturnUrl_GoesBackThere_ButNeverToAnotherSite(string returnUrl, string expected)
    {
        await factory.CreateUserAsync(Email);
        var fields = new Dictionary<string, string> { ["Input.Email"] = Email, ["Input.Password"] = TestPasswords.Default };

        var response = await BrowserlessSignIn.PostFormAsync(factory.AnonymousClient(),
            "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), "login", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.RedirectPath());
        Assert.DoesNotContain("evil", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsMessageAndAuditsEmailButNeverPassword()
    {
        var user = await factory.CreateUserAsync(Email);
        var client = factory.AnonymousClient();

        var response = await BrowserlessSignIn.PostLoginAsync(client, Email, WrongPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(InvalidMessage, await response.TextAsync());
        Assert.Equal("", BrowserlessSignIn.InputValue(html, "Input.Password"));
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.SignInFailed));
        Assert.Null(audit.ActorId);
        Assert.Equal(user.Id, audit.EntityId);
        Assert.Contains(Email, audit.Summary);
        Assert.DoesNotContain(WrongPassword, await AllAuditTextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithUnknownEmail_ShowsSameMessageAndAuditsTheAttemptedEmail()
    {
        await factory.CreateUserAsync(Email);

        var response = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), "nobody@example.com", WrongPassword);

        Assert.Contains(InvalidMessage, await response.TextAsync());
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.SignInFailed));
        Assert.Contains("nobody@example.com", audit.Summary);
        Assert.DoesNotContain(WrongPassword, await AllAuditTextAsync());
    }

    [Fact]
    public async Task SignIn_FiveFailures_LockTheAccount_SixthWithRightPasswordIsRefused_AndLockoutIsAudited()
    {
        var user = await factory.CreateUserAsync(Email);
        var client = factory.AnonymousClient();

        for (var i = 1; i <= 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await BrowserlessSignIn.PostLoginAsync(client, Email, WrongPassword)).StatusCode);
        var fifth = await BrowserlessSignIn.PostLoginAsync(client, Email, WrongPassword);
        var sixth = await BrowserlessSignIn.PostLoginAsync(client, Email, TestPasswords.Default);

        Assert.Equal("/Account/Lockout", fifth.RedirectPath());
        Assert.Equal("/Account/Lockout", sixth.RedirectPath());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage")).StatusCode); // not signed in
        Assert.Equal(4, (await factory.AuditAsync(AuditActions.SignInFailed)).Count);
        var lockouts = await factory.AuditAsync(AuditActions.LockedOut);
        Assert.Equal(2, lockouts.Count);
        Assert.All(lockouts, l => Assert.Equal(user.Id, l.EntityId));
        Assert.Contains("after 5 failed sign-ins", lockouts[0].Summary);
        Assert.Contains("refused", lockouts[1].Summary);
        Assert.Empty(await factory.AuditAsync(AuditActions.SignInSucceeded));
        Assert.Contains("This account is locked", await (await client.GetAsync("/Account/Lockout")).TextAsync());
    }

    [Fact]
    public async Task SignIn_DisabledUser_WithRightPassword_SeesDisabledMessage()
    {
        await factory.CreateUserAsync(Email);
        await DisableAsync(Email);
        var client = factory.AnonymousClient();

        var response = await BrowserlessSignIn.PostLoginAsync(client, Email, TestPasswords.Default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.TextAsync();
        Assert.Contains(DisabledMessage, text);
        Assert.DoesNotContain(InvalidMessage, text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage")).StatusCode);
        Assert.Contains("disabled", Assert.Single(await factory.AuditAsync(AuditActions.SignInFailed)).Summary);
    }

    [Fact]
    public async Task SignIn_DisabledUser_WithWrongPassword_LearnsNothingAboutTheAccount()
    {
        await factory.CreateUserAsync(Email);
        await DisableAsync(Email);

        var response = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), Email, WrongPassword);

        var text = await response.TextAsync();
        Assert.Contains(InvalidMessage, text);
        Assert.DoesNotContain(DisabledMessage, text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_KeepMeSignedIn_DecidesWhetherTheCookieOutlivesTheBrowser(bool rememberMe)
    {
        await factory.CreateUserAsync(Email);

        var response = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), Email, TestPasswords.Default, rememberMe);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("VideoHub.Auth=", StringComparison.Ordinal));
        Assert.Equal(rememberMe, cookie.Contains("expires=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignIn_WithEmptyFields_ShowsFieldMessagesAndAuditsNothing()
    {
        await factory.CreateUserAsync(Email);

        var response = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), "", "");

        var text = await response.TextAsync();
        Assert.Contains("Enter your email address.", text);
        Assert.Contains("Enter your password.", text);
        Assert.Empty(await factory.QueryAsync(db => db.AuditEvents.ToListAsync()));
    }

    [Fact]
    public async Task SignOut_EndsTheSessionAndIsAudited()
    {
        var user = await factory.CreateUserAsync(Email);
        var client = await factory.SignedInClientAsync(Email);

        var response = await BrowserlessSignIn.PostFormAsync(client, "/Account/Logout", "", new Dictionary<string, string>(),
            tokenFrom: "/Account/Manage");

        Assert.Equal("/Account/Login", response.RedirectPath());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage")).StatusCode);
        Assert.Equal(user.Id, Assert.Single(await factory.AuditAsync(AuditActions.SignedOut)).ActorId);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        await factory.CreateUserAsync(Email);
        var client = await factory.SignedInClientAsync(Email);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
        Assert.Empty(await factory.AuditAsync(AuditActions.SignedOut));
    }

    private async Task DisableAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        user!.DisabledAt = DateTime.UtcNow;
        await users.UpdateAsync(user);
    }

    private Task<string> AllAuditTextAsync() => factory.QueryAsync(async db =>
        string.Join("\n", (await db.AuditEvents.ToListAsync()).Select(a => $"{a.Summary} {a.Before} {a.After} {a.EntityId} {a.ActorName}")));

    public void Dispose() => factory.Dispose();
}
