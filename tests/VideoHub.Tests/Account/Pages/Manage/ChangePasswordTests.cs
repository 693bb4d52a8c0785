using System.Net;
using VideoHub.Account;
using VideoHub.Domain.Audit;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Account.Pages.Manage;

public sealed class ChangePasswordTests : IDisposable
{
    private const string Email = "ada@example.com";
    private const string Path = "/Account/Manage/ChangePassword";
    private const string NewPassword = "seventeen copper lanterns";

    private readonly VideoHubFactory factory = new();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string current, string next, string? confirm = null) =>
        BrowserlessSignIn.PostFormAsync(client, Path, "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm ?? next,
        });

    [Fact]
    public async Task ChangePassword_WithValidNewPassword_ChangesItAndAudits()
    {
        var user = await factory.CreateUserAsync(Email);
        var client = await factory.SignedInClientAsync(Email);

        var response = await PostAsync(client, TestPasswords.Default, NewPassword);

        Assert.Equal(Path, response.RedirectPath());
        Assert.Contains("Your password has been changed.", await (await client.GetAsync(Path)).TextAsync());
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.PasswordChanged));
        Assert.Equal(user.Id, audit.ActorId);
        Assert.DoesNotContain(NewPassword, audit.Summary);
        await factory.SignedInClientAsync(Email, NewPassword);
        var old = await BrowserlessSignIn.PostLoginAsync(factory.AnonymousClient(), Email, TestPasswords.Default);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // the old password no longer signs in
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { TestPasswords.Default, "Password123", "Password123", PasswordRules.TooCommonMessage },
        { TestPasswords.Default, "LETMEIN123", "LETMEIN123", PasswordRules.TooCommonMessage },
        { TestPasswords.Default, "short", "short", PasswordRules.TooShortMessage },
        { TestPasswords.Default, new string('x', 129), new string('x', 129), PasswordRules.TooLongMessage },
        { TestPasswords.Default, Email, Email, PasswordRules.PersonalMessage },
        { TestPasswords.Default, NewPassword, NewPassword + "!", "The two new passwords do not match." },
        { "not my password at all", NewPassword, NewPassword, "The current password is not correct." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ChangePassword_Refused_ShowsMessageAndKeepsTheOldPassword(string current, string next, string confirm, string message)
    {
        await factory.CreateUserAsync(Email);
        var client = await factory.SignedInClientAsync(Email);

        var response = await PostAsync(client, current, next, confirm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.TextAsync());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("", BrowserlessSignIn.InputValue(html, "Input.NewPassword"));
        Assert.Equal("", BrowserlessSignIn.InputValue(html, "Input.OldPassword"));
        Assert.Empty(await factory.AuditAsync(AuditActions.PasswordChanged));
        await factory.SignedInClientAsync(Email, TestPasswords.Default);
    }

    [Fact]
    public async Task ChangePassword_WhenSignedOut_SendsToSignIn()
    {
        await factory.CreateUserAsync(Email);

        var response = await factory.AnonymousClient().GetAsync(Path);

        Assert.StartsWith("/Account/Login", response.RedirectPath());
    }

    public void Dispose() => factory.Dispose();
}
