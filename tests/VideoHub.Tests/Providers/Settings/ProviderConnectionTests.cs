using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Users;
using VideoHub.Providers;
using VideoHub.Providers.Local;
using VideoHub.Providers.Settings;

namespace VideoHub.Tests.Providers.Settings;

/// <summary>"Test connection" over real HTTP against the app's own mounted local provider; results kept in the audit log.</summary>
public sealed class ProviderConnectionTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("admin-id", "admin", IsAdmin: true);
    private static readonly Actor Member = new("member-id", "member", IsAdmin: false);
    private readonly QuickLocalProviderApp factory = new();

    public Task InitializeAsync()
    {
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return Task.CompletedTask;
    }

    private ProviderSettingsService Service() => factory.Services.CreateScope().ServiceProvider.GetRequiredService<ProviderSettingsService>();

    private Uri LocalBaseUrl => new(new Uri(factory.Services.GetRequiredService<IServer>().Features
        .Get<IServerAddressesFeature>()!.Addresses.First()), LocalProviderAddress.MountPath);

    [Fact]
    public async Task TestConnection_OfTheLocalProvider_ReportsItsLatency_AndTheListKeepsItAsTheLastTest()
    {
        Assert.Null((await Service().GetAsync(Admin, "local"))!.LastTest);

        var test = await Service().TestConnectionAsync(Admin, "local");

        Assert.True(test.Succeeded, test.Message);
        Assert.True(test.Latency > TimeSpan.Zero);
        Assert.Null(test.ErrorKind);
        var last = Assert.Single(await Service().ListAsync(Admin)).LastTest!;
        Assert.Equal((true, test.Message, test.ErrorKind), (last.Succeeded, last.Message, last.ErrorKind));
        Assert.Equal(test.Latency!.Value.TotalMilliseconds, last.Latency!.Value.TotalMilliseconds, 3);
        Assert.Equal(test.TestedAt, last.TestedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(DateTimeKind.Utc, last.TestedAt.Kind);
        await using var db = await Db();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.ProviderConnectionTested);
        Assert.Equal(("Provider", "local", "admin-id"), (audit.EntityType, audit.EntityId, audit.ActorId));
        Assert.Matches(@"^Tested the connection to provider Local provider \(built in\): connected in \d+ ms$", audit.Summary);
    }

    [Fact]
    public async Task TestConnection_WithAWrongKey_SaysInPlainWordsThatTheKeyWasRefused_AndOnlyTheLatestTestIsShown()
    {
        var edit = Gateway("sk-not-the-key");
        Assert.True((await Service().AddAsync(Admin, edit)).Succeeded);
        var first = await Service().TestConnectionAsync(Admin, "self");
        edit.ApiKey = factory.Services.GetRequiredService<LocalProviderKey>().Value;
        Assert.True((await Service().SaveAsync(Admin, edit)).Succeeded);

        Assert.False(first.Succeeded);
        Assert.Equal(ProviderErrorKind.Unauthorized, first.ErrorKind);
        Assert.StartsWith("The provider refused the API key: it is missing, wrong or lacks access. (HTTP 401", first.Message);
        Assert.Equal(ProviderErrorKind.Unauthorized, (await Service().GetAsync(Admin, "self"))!.LastTest!.ErrorKind);
        Assert.DoesNotContain("sk-not-the-key", first.Message);

        var second = await Service().TestConnectionAsync(Admin, "self");

        Assert.True(second.Succeeded, second.Message);
        var listed = (await Service().ListAsync(Admin)).Single(p => p.Id == "self");
        Assert.True(listed.LastTest!.Succeeded);
        Assert.Null((await Service().GetAsync(Admin, "local"))!.LastTest);
    }

    [Fact]
    public async Task TestConnection_ByANonAdminOrOfAnUnknownProvider_AnswersThatItDoesNotExist_AndCallsNothing()
    {
        var asMember = await Service().TestConnectionAsync(Member, "local");
        var unknown = await Service().TestConnectionAsync(Admin, "no-such-provider");

        Assert.Equal((false, "This provider does not exist."), (asMember.Succeeded, asMember.Message));
        Assert.Equal((false, "This provider does not exist."), (unknown.Succeeded, unknown.Message));
        await using var db = await Db();
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.ProviderConnectionTested));
    }

    private ProviderEdit Gateway(string apiKey) => new()
    {
        Id = "self", Name = "Loopback gateway", Kind = ProviderKinds.OpenAiCompatible, BaseUrl = LocalBaseUrl.ToString(), ApiKey = apiKey,
        Models = [new ProviderModelProfile { Model = "sora-2", Sizes = [new ProviderModelSize { Size = "1280x720", PricePerSecond = 0.1m }] }],
    };

    private Task<VideoHubDbContext> Db() =>
        factory.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();

    public Task DisposeAsync()
    {
        factory.Dispose();
        return Task.CompletedTask;
    }
}
