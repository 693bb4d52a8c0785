using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Hosting;

public sealed class StartupTests : IDisposable
{
    private readonly VideoHubFactory factory = new();

    [Fact]
    public async Task Start_AppliesMigrationsToSqliteFileInDataFolder_InWalMode()
    {
        _ = factory.Server;
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "videohub.db")));
        using var scope = factory.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task FreshInstall_IsSentToSetup()
    {
        var response = await factory.AnonymousClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        await factory.CreateUserAsync("someone@example.com");
        var client = factory.AnonymousClient();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders()
    {
        await factory.CreateUserAsync("someone@example.com");
        var response = await factory.AnonymousClient().GetAsync("/Account/Login");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    public void Dispose() => factory.Dispose();
}
