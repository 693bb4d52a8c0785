using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Users;
using VideoHub.Providers;
using VideoHub.Providers.Local;
using VideoHub.Providers.OpenAiCompatible;
using VideoHub.Providers.Settings;
using VideoHub.Providers.Webhooks;
using VideoHub.Tests.Infrastructure;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers;

/// <summary>
/// The real app on a real loopback port with no provider settings: its default provider is the local provider
/// mounted in itself, reached over HTTP through the openai-compatible client (the production path).
/// </summary>
public sealed class DefaultProviderTests : IAsyncLifetime
{
    private readonly QuickLocalProviderApp factory = new();
    private static readonly Actor Admin = new("admin-id", "admin", IsAdmin: true);

    public Task InitializeAsync()
    {
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return Task.CompletedTask;
    }

    private Uri AppAddress => new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    [Fact]
    public async Task DefaultProvider_IsTheMountedLocalProvider_ReachedOverHttpWithItsGeneratedKey_AndRendersEndToEnd()
    {
        var provider = await factory.Services.GetRequiredService<VideoProviderRegistry>().GetDefaultAsync();

        var client = Assert.IsType<OpenAiCompatibleClient>(provider);
        Assert.Equal("local", client.ProviderId);
        Assert.Equal(new Uri(AppAddress, LocalProviderAddress.MountPath), client.Endpoint.BaseUrl);
        Assert.Equal(factory.Services.GetRequiredService<LocalProviderKey>().Value, client.Endpoint.ApiKey);
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "local-provider", "api-key")));

        var video = await Polling.UntilTerminalAsync(client, (await client.CreateVideoAsync(new VideoCreateRequest("through the app"))).GetValueOrThrow().Id);
        Assert.Equal(ProviderVideoStatus.Completed, video.Status);
        using var content = new MemoryStream();
        Assert.True((await client.DownloadContentAsync(video.Id, ContentVariant.Video, content)).IsSuccess);
        Assert.True(content.Length > 1000);

        // Multipart through the app's own pipeline: no antiforgery, no cookie, only the Bearer key.
        await using var clip = File.OpenRead(await MediaFiles.ClipAsync(2));
        var character = await client.CreateCharacterAsync(new CharacterCreateRequest("Pip", new UploadFile(clip, "pip.mp4", "video/mp4")));
        Assert.True(character.IsSuccess, character.ToString());
    }

    [Fact]
    public async Task TestConnection_OfTheLocalProvider_Succeeds()
    {
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ProviderSettingsService>().TestConnectionAsync(Admin, "local");
        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task LocalProviderWebhooks_ReachTheAppsReceiver_SignedAndVerified()
    {
        using var scope = factory.Services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<ProviderSettingsService>();
        var secret = StandardWebhooks.NewSecret();
        var edit = ProviderEdit.From((await settings.GetAsync(Admin, "local"))!);
        edit.WebhookSecret = secret;
        Assert.True((await settings.SaveAsync(Admin, edit)).Succeeded);

        var sender = new Dictionary<string, string?>(LocalProviderServer.QuickSettings())
        {
            ["LocalProvider:Webhooks:0:Url"] = new Uri(AppAddress, "/webhooks/providers/local").ToString(),
            ["LocalProvider:Webhooks:0:Secret"] = secret,
        };
        var folder = Path.Combine(factory.DataPath, "standalone-provider");
        await using var provider = await LocalProviderHost.StartAsync(folder, sender);
        var client = TestClients.Create(provider.BaseUrl, provider.ApiKey);
        var failing = TestClients.Create(provider.BaseUrl, provider.ApiKey, headers: new Dictionary<string, string> { [LocalFaults.Header] = "fail" });

        var completed = (await client.CreateVideoAsync(new VideoCreateRequest("webhook me"))).GetValueOrThrow();
        var failed = (await failing.CreateVideoAsync(new VideoCreateRequest("webhook me too"))).GetValueOrThrow();

        var inbox = factory.Services.GetRequiredService<ProviderWebhookInbox>();
        var deliveries = await Polling.UntilAsync(() => inbox.PendingAsync(10), d => d.Count >= 2);
        Assert.Contains(deliveries, d => d.EventType == "video.completed" && d.ObjectId == completed.Id);
        Assert.Contains(deliveries, d => d.EventType == "video.failed" && d.ObjectId == failed.Id);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();
}

/// <summary>The app with its mounted local provider tuned for quick renders.</summary>
public sealed class QuickLocalProviderApp : VideoHubFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        LocalProviderServer.QuickSettings().Where(s => s.Key.StartsWith("LocalProvider:", StringComparison.Ordinal));
}
