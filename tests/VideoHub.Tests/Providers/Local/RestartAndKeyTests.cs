using Microsoft.Extensions.DependencyInjection;
using VideoHub.Providers;
using VideoHub.Providers.Local;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.Local;

/// <summary>The local provider's folder is its memory: jobs, files and the generated key survive a restart.</summary>
public sealed class RestartAndKeyTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "videohub-tests", "restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Jobs_SurviveARestart_AndOneInterruptedMidRenderIsFinishedAfterIt()
    {
        string completedId, interruptedId, key;
        await using (var first = await LocalProviderHost.StartAsync(folder, LocalProviderServer.QuickSettings()))
        {
            key = first.ApiKey;
            var client = TestClients.Create(first.BaseUrl, key);
            completedId = (await Polling.UntilTerminalAsync(client,
                (await client.CreateVideoAsync(new VideoCreateRequest("before restart"))).GetValueOrThrow().Id)).Id;
            var store = first.Services.GetRequiredService<LocalProviderStore>();
            interruptedId = LocalProviderStore.NewId("video_");
            // As if the process died while rendering this one.
            store.Jobs.Put(new LocalJob
            {
                Id = interruptedId, Model = "sora-2", Prompt = "interrupted", Size = "1280x720", Seconds = 4,
                Status = LocalStatus.InProgress, Progress = 40, CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        await using var second = await LocalProviderHost.StartAsync(folder, LocalProviderServer.QuickSettings());
        Assert.Equal(key, second.ApiKey);
        var again = TestClients.Create(second.BaseUrl, key);
        var kept = (await again.GetVideoAsync(completedId)).GetValueOrThrow();
        Assert.Equal(ProviderVideoStatus.Completed, kept.Status);
        Assert.True((await again.DownloadContentAsync(completedId, ContentVariant.Video, Stream.Null)).IsSuccess);
        Assert.Equal(ProviderVideoStatus.Completed, (await Polling.UntilTerminalAsync(again, interruptedId)).Status);
    }

    [Fact]
    public async Task Key_WhenNotConfigured_IsGeneratedRandomlyAndStoredForTheOwnerOnly()
    {
        await using var host = await LocalProviderHost.StartAsync(folder, LocalProviderServer.QuickSettings());
        var keyFile = Path.Combine(folder, "api-key");

        Assert.Equal(host.ApiKey, (await File.ReadAllTextAsync(keyFile)).Trim());
        Assert.StartsWith("sk-local-", host.ApiKey);
        Assert.True(host.ApiKey.Length >= "sk-local-".Length + 43); // 32 random bytes, base64url
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var other = Path.Combine(folder, "other");
        await using var second = await LocalProviderHost.StartAsync(other, LocalProviderServer.QuickSettings());
        Assert.NotEqual(host.ApiKey, second.ApiKey);
    }

    [Fact]
    public async Task Key_WhenConfigured_IsTheOneRequired_AndNothingIsGenerated()
    {
        var settings = LocalProviderServer.QuickSettings();
        settings["LocalProvider:ApiKey"] = "configured-key";
        await using var host = await LocalProviderHost.StartAsync(folder, settings);

        Assert.Equal("configured-key", host.ApiKey);
        Assert.False(File.Exists(Path.Combine(folder, "api-key")));
        Assert.True((await TestClients.Create(host.BaseUrl, "configured-key").ListVideosAsync(new VideoListQuery())).IsSuccess);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        return Task.CompletedTask;
    }
}
