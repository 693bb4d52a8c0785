using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoHub.Account;
using VideoHub.Domain.Audit;
using VideoHub.Features.Setup;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Setup;

public sealed class AdminBootstrapperTests : IDisposable
{
    private const string Email = "ops@example.com";
    private const string Password = "violet harbour lanterns";

    private readonly List<VideoHubFactory> factories = [];

    private BootstrapFactory Start(string? email, string? password)
    {
        var factory = new BootstrapFactory(email, password);
        factories.Add(factory);
        _ = factory.Server; // hosted services run at start-up
        return factory;
    }

    private static async Task RunBootstrapperAsync(VideoHubFactory factory, string email, string password)
    {
        var bootstrapper = new AdminBootstrapper(factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new BootstrapOptions { AdminEmail = email, AdminPassword = password }),
            factory.Services.GetRequiredService<ILogger<AdminBootstrapper>>());
        await bootstrapper.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Start_WithBootstrapSettings_CreatesAdminThatCanSignIn_AndAudits()
    {
        var factory = Start(Email, Password);

        var user = Assert.Single(await factory.UsersAsync());
        Assert.Equal(Email, user.Email);
        Assert.True(await factory.IsAdminAsync(Email));
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.AdminBootstrapped));
        Assert.Equal(user.Id, audit.EntityId);
        Assert.Equal("system", audit.ActorName);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.AnonymousClient().GetAsync("/setup")).StatusCode);
        await factory.SignedInClientAsync(Email, Password);
        Assert.DoesNotContain(Password, factory.Logs.AllText);
    }

    [Fact]
    public async Task Start_Again_WhenTheBootstrappedAdminExists_CreatesNothing()
    {
        var factory = Start(Email, Password);

        await RunBootstrapperAsync(factory, Email, Password);
        await RunBootstrapperAsync(factory, "second@example.com", "another violet harbour");

        Assert.Equal(Email, Assert.Single(await factory.UsersAsync()).Email);
        Assert.Single(await factory.AuditAsync(AuditActions.AdminBootstrapped));
        Assert.Contains(factory.Logs.Entries, e => e.Message.Contains("An administrator already exists"));
    }

    [Fact]
    public async Task Start_WhenAnAdminExists_IgnoresBootstrap()
    {
        var factory = Start(null, null);
        await factory.CreateUserAsync("boss@example.com", admin: true);

        await RunBootstrapperAsync(factory, Email, Password);

        Assert.Equal("boss@example.com", Assert.Single(await factory.UsersAsync()).Email);
        Assert.Empty(await factory.AuditAsync(AuditActions.AdminBootstrapped));
    }

    [Fact]
    public async Task Start_WhenOnlyMembersExist_CreatesTheAdmin()
    {
        var factory = Start(null, null);
        await factory.CreateUserAsync("member@example.com");

        await RunBootstrapperAsync(factory, Email, Password);

        Assert.Equal(2, (await factory.UsersAsync()).Count);
        Assert.True(await factory.IsAdminAsync(Email));
        Assert.False(await factory.IsAdminAsync("member@example.com"));
    }

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { Email, "Qwerty123", PasswordRules.TooCommonMessage },
        { Email, "Short1", PasswordRules.TooShortMessage },
        { "not an email", Password, "Enter a valid email address" },
        { Email, "", "set both Bootstrap:AdminEmail and Bootstrap:AdminPassword" },
        { "", Password, "set both Bootstrap:AdminEmail and Bootstrap:AdminPassword" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_WithBadSettings_LogsClearErrorWithoutPassword_AndStillServesSetup(string email, string password,
        string expected)
    {
        var factory = Start(email, password);

        var error = Assert.Single(factory.Logs.Entries, e => e.Level == LogLevel.Error && e.Category.EndsWith(nameof(AdminBootstrapper)));
        Assert.Contains(expected, error.Message);
        if (password.Length > 0) Assert.DoesNotContain(password, factory.Logs.AllText, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await factory.UsersAsync());
        Assert.Equal(HttpStatusCode.OK, (await factory.AnonymousClient().GetAsync("/setup")).StatusCode);
    }

    public void Dispose()
    {
        foreach (var factory in factories) factory.Dispose();
    }

    private sealed class BootstrapFactory(string? email, string? password) : VideoHubFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Bootstrap:AdminEmail", email ?? ""),
            new("Bootstrap:AdminPassword", password ?? ""),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Logs));
        }
    }
}
