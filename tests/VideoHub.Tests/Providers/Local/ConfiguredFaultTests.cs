using VideoHub.Providers;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.Local;

/// <summary>The fault knobs set by configuration (LocalProvider:Faults), not per request.</summary>
public sealed class ConfiguredFaultTests
{
    [Fact]
    public async Task FailureRateOfOne_FailsEveryJob()
    {
        await using var server = await StartAsync(("LocalProvider:Faults:FailureRate", "1"));
        var created = (await server.Client.CreateVideoAsync(new VideoCreateRequest("doomed"))).GetValueOrThrow();

        var done = await Polling.UntilTerminalAsync(server.Client, created.Id);

        Assert.Equal(("video_generation_failed", ProviderVideoStatus.Failed), (done.Error!.Code, done.Status));
    }

    [Fact]
    public async Task RateLimitRateOfOne_AnswersEveryRequest429WithTheConfiguredWait()
    {
        await using var server = await StartAsync(("LocalProvider:Faults:RateLimitRate", "1"), ("LocalProvider:Faults:RetryAfterSeconds", "0"));
        var result = await server.Client.ListVideosAsync(new VideoListQuery());
        Assert.Equal((ProviderErrorKind.RateLimited, TimeSpan.Zero), (result.Error!.Kind, result.Error.RetryAfter));
    }

    [Fact]
    public async Task ServerErrorRateOfOne_AnswersEveryRequest500()
    {
        await using var server = await StartAsync(("LocalProvider:Faults:ServerErrorRate", "1"));
        Assert.Equal(ProviderErrorKind.ServerError, (await server.Client.ListVideosAsync(new VideoListQuery())).Error!.Kind);
    }

    private static async Task<ConfiguredLocalProviderServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var server = new ConfiguredLocalProviderServer(settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        await server.InitializeAsync();
        return server;
    }
}
