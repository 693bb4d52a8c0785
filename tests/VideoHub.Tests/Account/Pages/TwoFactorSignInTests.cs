using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Account;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Account.Pages;

/// <summary>Turning on an authenticator app from the account pages, then signing in with it or with a recovery code.</summary>
public sealed partial class TwoFactorSignInTests : IDisposable
{
    private const string Email = "ada@example.com";
    private readonly VideoHubFactory factory = new();

    private async Task<string> AuthenticatorKeyAsync()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(Email))!))!;
    }

    /// <summary>Scans the key into an "app", confirms a code, and returns the key and the recovery codes shown.</summary>
    private async Task<(string Key, string[] RecoveryCodes, HttpClient Client)> TurnOnAsync()
    {
        await factory.CreateUserAsync(Email);
        var client = await factory.SignedInClientAsync(Email);
        var page = await (await client.GetAsync("/Account/Manage/EnableAuthenticator")).Content.ReadAsStringAsync();
        var key = await AuthenticatorKeyAsync();
        Assert.Contains(AuthenticatorSetup.FormatKey(key), page);
        Assert.Contains("src=\"data:image/png;base64,", page);

        var confirmed = await BrowserlessSignIn.PostFormAsync(client, "/Account/Manage/EnableAuthenticator", "send-code",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = RecoveryCode().Matches(await confirmed.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(10, codes.Length);
        Assert.Single(await factory.AuditAsync(AuditActions.TwoFactorEnabled));
        return (key, codes, client);
    }

    private async Task<(HttpClient Client, string SecondStep)> PasswordStepAsync()
    {
        var client = factory.AnonymousClient();
        var response = await BrowserlessSignIn.PostLoginAsync(client, Email, TestPasswords.Default);
        Assert.StartsWith("/Account/LoginWith2fa", response.RedirectPath());
        return (client, response.RedirectPath());
    }

    [Fact]
    public async Task SignIn_WithAuthenticatorCode_AfterPassword_SignsInAndAudits()
    {
        var (key, _, _) = await TurnOnAsync();
        var signInsBefore = (await factory.AuditAsync(AuditActions.SignInSucceeded)).Count;
        var (client, secondStep) = await PasswordStepAsync();
        Assert.Equal(signInsBefore, (await factory.AuditAsync(AuditActions.SignInSucceeded)).Count); // the password alone is not a sign-in

        var wrong = await BrowserlessSignIn.PostFormAsync(client, secondStep, "login-with-2fa",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = WrongCode(key) });
        Assert.Contains("That code is not correct.", await wrong.TextAsync());

        var right = await BrowserlessSignIn.PostFormAsync(client, secondStep, "login-with-2fa",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow, stepOffset: 1) });

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
        Assert.Single(await factory.AuditAsync(AuditActions.SignInSucceeded), a => a.Summary.Contains("(authenticator code)"));
        Assert.Contains("wrong authenticator code", Assert.Single(await factory.AuditAsync(AuditActions.SignInFailed)).Summary);
    }

    [Fact]
    public async Task SignIn_WithRecoveryCode_WorksOnce()
    {
        var (_, codes, _) = await TurnOnAsync();
        var (client, _) = await PasswordStepAsync();

        var used = await BrowserlessSignIn.PostFormAsync(client, "/Account/LoginWithRecoveryCode", "login-with-recovery-code",
            new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
        Assert.Single(await factory.AuditAsync(AuditActions.SignInSucceeded), a => a.Summary.Contains("(recovery code)"));

        var (again, _) = await PasswordStepAsync();
        var reused = await BrowserlessSignIn.PostFormAsync(again, "/Account/LoginWithRecoveryCode", "login-with-recovery-code",
            new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });
        Assert.Contains("That recovery code is not correct, or it was already used.", await reused.TextAsync());
    }

    [Fact]
    public async Task TurnOff_LetsThePasswordAloneSignInAgain_AndIsAudited()
    {
        var (_, _, client) = await TurnOnAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage/Disable2fa")).StatusCode);

        var response = await BrowserlessSignIn.PostFormAsync(client, "/Account/Manage/Disable2fa", "disable-2fa",
            new Dictionary<string, string>());

        Assert.Equal("/Account/Manage/TwoFactorAuthentication", response.RedirectPath());
        Assert.Single(await factory.AuditAsync(AuditActions.TwoFactorDisabled));
        Assert.Contains("Two-factor authentication is off.", await (await client.GetAsync(response.RedirectPath())).TextAsync());
        var again = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), Email, TestPasswords.Default);
        Assert.Equal("/", again.RedirectPath());
    }

    [Fact]
    public async Task SecondStepPages_WithoutPasswordStep_SendBackToSignIn()
    {
        await factory.CreateUserAsync(Email);

        var twoFactor = await factory.AnonymousClient().GetAsync("/Account/LoginWith2fa");
        var recovery = await factory.AnonymousClient().GetAsync("/Account/LoginWithRecoveryCode");

        Assert.Equal("/Account/Login", twoFactor.RedirectPath());
        Assert.Equal("/Account/Login", recovery.RedirectPath());
    }

    /// <summary>A code no step near now produces, so it is surely wrong.</summary>
    private static string WrongCode(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(i => Totp.Code(key, DateTimeOffset.UtcNow, i)).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !valid.Contains(c));
    }

    [GeneratedRegex("<code class=\"recovery-code\">([^<]+)</code>")]
    private static partial Regex RecoveryCode();

    public void Dispose() => factory.Dispose();
}
