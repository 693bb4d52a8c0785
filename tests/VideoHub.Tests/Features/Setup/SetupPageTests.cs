using System.Net;
using VideoHub.Account;
using VideoHub.Domain.Audit;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Setup;

public sealed class SetupPageTests : IDisposable
{
    private readonly VideoHubFactory factory = new();

    private static Dictionary<string, string> Form(string email = "ada@example.com", string displayName = "Ada Lovelace",
        string password = TestPasswords.Default, string? confirm = null) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = displayName,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    private static Task<HttpResponseMessage> PostSetupAsync(HttpClient client, Dictionary<string, string> form, string? tokenFrom = null) =>
        BrowserlessSignIn.PostFormAsync(client, "/setup", "setup", form, tokenFrom);

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Manage")]
    [InlineData("/projects/some-page")]
    public async Task FreshInstall_RedirectsEveryPageToSetup(string path)
    {
        var response = await factory.AnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.RedirectPath());
    }

    [Theory]
    [InlineData("/app.css")]
    [InlineData("/favicon.png")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task FreshInstall_ServesStaticAssetsWithoutRedirect(string path)
    {
        var response = await factory.AnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FreshInstall_ShowsSetupForm()
    {
        var response = await factory.AnonymousClient().GetAsync("/setup");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("Welcome to VideoHub", html);
        Assert.Contains("name=\"Input.DisplayName\"", html);
        Assert.Contains("name=\"Input.ConfirmPassword\"", html);
    }

    [Fact]
    public async Task Setup_WithValidInput_CreatesAdminSignsInAndAudits()
    {
        var client = factory.AnonymousClient();

        var response = await PostSetupAsync(client, Form());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectPath());
        var user = Assert.Single(await factory.UsersAsync());
        Assert.Equal("ada@example.com", user.Email);
        Assert.Equal("Ada Lovelace", user.DisplayName);
        Assert.True(await factory.IsAdminAsync("ada@example.com"));
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.SetupCompleted));
        Assert.Equal(user.Id, audit.ActorId);
        Assert.Equal(user.Id, audit.EntityId);

        // The same browser is signed in: the account page shows the new admin.
        var manage = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        var html = await manage.TextAsync();
        Assert.Contains("ada@example.com", html);
        Assert.Contains("Administrator", html);
    }

    [Fact]
    public async Task Setup_AfterFirstAccount_Answers404AndCreatesNothing()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostSetupAsync(factory.AnonymousClient(), Form())).StatusCode);

        var other = factory.AnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/setup")).StatusCode);
        var post = await PostSetupAsync(other, Form("mallory@example.com", "Mallory"), tokenFrom: "/Account/Login");

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("ada@example.com", Assert.Single(await factory.UsersAsync()).Email);
        Assert.Single(await factory.AuditAsync(AuditActions.SetupCompleted));
    }

    [Fact]
    public async Task Setup_WhenUsersExist_IsNotShownAndPagesAreNotRedirected()
    {
        await factory.CreateUserAsync("someone@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await factory.AnonymousClient().GetAsync("/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.AnonymousClient().GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Setup_TwoPostsAtOnce_CreateExactlyOneAdmin()
    {
        var first = factory.AnonymousClient();
        var second = factory.AnonymousClient();
        var firstToken = await BrowserlessSignIn.AntiforgeryTokenAsync(first, "/setup");
        var secondToken = await BrowserlessSignIn.AntiforgeryTokenAsync(second, "/setup");

        var responses = await Task.WhenAll(
            Post(first, firstToken, Form("ada@example.com", "Ada")),
            Post(second, secondToken, Form("grace@example.com", "Grace")));

        Assert.Single(await factory.UsersAsync());
        Assert.Single(await factory.AuditAsync(AuditActions.SetupCompleted));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.NotFound], responses.Select(r => r.StatusCode).Order());

        static Task<HttpResponseMessage> Post(HttpClient client, string token, Dictionary<string, string> form) =>
            client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>(form)
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "setup",
            }));
    }

    public static TheoryData<string, string, string, string, string> BadInput => new()
    {
        { "", "Ada", TestPasswords.Default, TestPasswords.Default, "Enter your email address." },
        { "not-an-email", "Ada", TestPasswords.Default, TestPasswords.Default, "Enter a valid email address, such as name@example.com." },
        { "ada@example.com", " ", TestPasswords.Default, TestPasswords.Default, "Enter the name other people will see." },
        { "ada@example.com", "Ada", TestPasswords.Default, "correct horse battery stapler", "The two passwords do not match." },
        { "ada@example.com", "Ada", "password1", "password1", PasswordRules.TooCommonMessage },
        { "ada@example.com", "Ada", "Sunshine1", "Sunshine1", PasswordRules.TooCommonMessage },
        { "ada@example.com", "Ada", "short", "short", PasswordRules.TooShortMessage },
        { "ada@example.com", "Ada", "ada@example.com", "ada@example.com", PasswordRules.PersonalMessage },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Setup_WithBadInput_ShowsMessageAndCreatesNothing(string email, string name, string password, string confirm,
        string message)
    {
        var client = factory.AnonymousClient();

        var response = await PostSetupAsync(client, Form(email, name, password, confirm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, await response.TextAsync());
        Assert.Equal("", BrowserlessSignIn.InputValue(html, "Input.Password")); // never sent back
        Assert.Equal("", BrowserlessSignIn.InputValue(html, "Input.ConfirmPassword"));
        Assert.Empty(await factory.UsersAsync());
        Assert.Empty(await factory.AuditAsync(AuditActions.SetupCompleted));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
