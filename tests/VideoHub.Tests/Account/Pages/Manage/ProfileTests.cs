using System.Net;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Account.Pages.Manage;

public sealed class ProfileTests : IDisposable
{
    private const string Email = "ada@example.com";
    private readonly VideoHubFactory factory = new();

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string displayName, string? email = null)
    {
        var fields = new Dictionary<string, string> { ["Input.DisplayName"] = displayName };
        if (email is not null) fields["email"] = email;
        return BrowserlessSignIn.PostFormAsync(client, "/Account/Manage", "profile", fields);
    }

    [Fact]
    public async Task Profile_ShowsEmailReadOnlyAndTheDisplayName()
    {
        await factory.CreateUserAsync(Email, displayName: "Ada");
        var client = await factory.SignedInClientAsync(Email);

        var html = await (await client.GetAsync("/Account/Manage")).Content.ReadAsStringAsync();

        Assert.Matches("<input[^>]*value=\"ada@example.com\"[^>]*readonly", html);
        Assert.Equal("Ada", BrowserlessSignIn.InputValue(html, "Input.DisplayName"));
        Assert.Contains("Back to VideoHub", html);
    }

    [Fact]
    public async Task Profile_SaveDisplayName_UpdatesItButNeverTheEmail()
    {
        await factory.CreateUserAsync(Email, displayName: "Ada");
        var client = await factory.SignedInClientAsync(Email);

        var response = await SaveAsync(client, "  Ada Lovelace ", email: "mallory@example.com");

        Assert.Equal("/Account/Manage", response.RedirectPath());
        var user = Assert.Single(await factory.UsersAsync());
        Assert.Equal("Ada Lovelace", user.DisplayName);
        Assert.Equal(Email, user.Email);
        Assert.Contains("Your profile has been saved.", await (await client.GetAsync("/Account/Manage")).TextAsync());
    }

    [Theory]
    [InlineData("", "Enter the name other people will see.")]
    [InlineData("   ", "Enter the name other people will see.")]
    public async Task Profile_SaveBlankDisplayName_ShowsMessageAndChangesNothing(string name, string message)
    {
        await factory.CreateUserAsync(Email, displayName: "Ada");
        var client = await factory.SignedInClientAsync(Email);

        var response = await SaveAsync(client, name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.TextAsync());
        Assert.Equal("Ada", Assert.Single(await factory.UsersAsync()).DisplayName);
    }

    [Fact]
    public async Task Profile_SaveTooLongDisplayName_ShowsMessageAndChangesNothing()
    {
        await factory.CreateUserAsync(Email, displayName: "Ada");
        var client = await factory.SignedInClientAsync(Email);

        var response = await SaveAsync(client, new string('a', 81));

        Assert.Contains("Use at most 80 characters.", await response.TextAsync());
        Assert.Equal("Ada", Assert.Single(await factory.UsersAsync()).DisplayName);
    }

    public void Dispose() => factory.Dispose();
}
