using System.Net;
using System.Text.RegularExpressions;
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
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task InlineScripts_RunOnlyWithThisResponsesNonce()
    {
        await factory.CreateUserAsync("someone@example.com");
        var client = factory.AnonymousClient();
        var nonces = new List<string>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var response = await client.GetAsync("/Account/Login");
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            var allowed = Regex.Match(csp, "script-src 'self' 'nonce-([0-9a-f]{32})';");
            Assert.True(allowed.Success, csp);
            var html = await response.Content.ReadAsStringAsync();
            // Blazor's import map (fingerprinted asset names) is the page's one inline script; it carries the nonce.
            var inline = Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>").Select(m => m.Value).ToList();
            Assert.Equal($"<script type=\"importmap\" nonce=\"{allowed.Groups[1].Value}\">", Assert.Single(inline));
            nonces.Add(allowed.Groups[1].Value);
        }
        Assert.NotEqual(nonces[0], nonces[1]);
    }

    public void Dispose() => factory.Dispose();
}
