using VideoHub.Providers;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.OpenAiCompatible;

/// <summary>
/// Faults injected by the local provider's X-Local-Provider-Fault header: GETs are retried (honouring Retry-After),
/// POSTs never; slow answers become Timeout; a download cut off mid-body becomes Interrupted.
/// </summary>
public sealed class ClientResilienceTests(LocalProviderServer server) : IClassFixture<LocalProviderServer>
{
    private static string Key() => "key=" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Get_RateLimitedTwice_IsRetriedHonouringRetryAfter_AndSucceeds()
    {
        var video = server.SeedCompletedJob(seconds: 4, extensions: 0);
        // The client's own backoff is set to an hour: only waiting the 1 s Retry-After can succeed within the timeout.
        var client = server.FaultyClient($"rate-limit=2,retry-after=1,{Key()}", o => o.RetryBaseDelay = TimeSpan.FromHours(1));

        var result = await client.GetVideoAsync(video);

        Assert.True(result.IsSuccess, result.ToString());
    }

    [Fact]
    public async Task Post_RateLimited_IsNotRetried_AndReportsTheWait()
    {
        // A burst of one: had the client retried, its second attempt would have succeeded.
        var result = await server.FaultyClient($"rate-limit=1,retry-after=7,{Key()}").CreateVideoAsync(new VideoCreateRequest("p"));

        Assert.Equal(ProviderErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), result.Error.RetryAfter);
        Assert.Equal("rate_limit_exceeded", result.Error.Code);
    }

    [Fact]
    public async Task Get_AskedToWaitLongerThanTheClientWaits_HandsTheWaitBack()
    {
        var video = server.SeedCompletedJob(seconds: 4, extensions: 0);
        var result = await server.FaultyClient($"rate-limit=1,retry-after=30,{Key()}").GetVideoAsync(video);

        Assert.Equal(ProviderErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), result.Error.RetryAfter);
    }

    [Fact]
    public async Task Get_ServerErrorOnce_IsRetried_ButAlways_ReportsServerError()
    {
        var video = server.SeedCompletedJob(seconds: 4, extensions: 0);
        Assert.True((await server.FaultyClient($"server-error=1,{Key()}").GetVideoAsync(video)).IsSuccess);

        var always = await server.FaultyClient($"server-error,{Key()}").GetVideoAsync(video);
        Assert.Equal((ProviderErrorKind.ServerError, 500), (always.Error!.Kind, always.Error.StatusCode));
    }

    [Fact]
    public async Task Post_ServerErrorOnce_IsNotRetried()
    {
        var result = await server.FaultyClient($"server-error=1,{Key()}").CreateVideoAsync(new VideoCreateRequest("p"));
        Assert.Equal(ProviderErrorKind.ServerError, result.Error!.Kind);
    }

    [Fact]
    public async Task SlowAnswers_BeyondTheTimeout_AreReportedAsTimeout_ForGetAndPost()
    {
        var video = server.SeedCompletedJob(seconds: 4, extensions: 0);
        var client = server.FaultyClient("slow=3000", o =>
        {
            o.ApiAttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.ApiTotalTimeout = TimeSpan.FromSeconds(1);
        });

        Assert.Equal(ProviderErrorKind.Timeout, (await client.GetVideoAsync(video)).Error!.Kind);
        Assert.Equal(ProviderErrorKind.Timeout, (await client.CreateVideoAsync(new VideoCreateRequest("p"))).Error!.Kind);
    }

    [Fact]
    public async Task Download_CutOffMidBody_IsReportedAsInterrupted()
    {
        var video = await server.CompletedVideoAsync(new VideoCreateRequest("to be cut"));
        using var destination = new MemoryStream();

        var result = await server.FaultyClient("truncate").DownloadContentAsync(video.Id, ContentVariant.Video, destination);

        Assert.Equal(ProviderErrorKind.Interrupted, result.Error!.Kind);
        var whole = new FileInfo(Path.Combine(server.Store.Paths.Media(video.Id), "video.mp4")).Length;
        Assert.True(destination.Length < whole);
    }

    [Fact]
    public async Task Provider_NotListening_IsUnreachable()
    {
        var port = System.Net.Sockets.TcpListener.Create(0);
        port.Start();
        var closed = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();
        var client = TestClients.Create(new Uri($"http://127.0.0.1:{closed}/v1"), "k", o => o.MaxRetries = 0);

        Assert.Equal(ProviderErrorKind.Unreachable, (await client.ListVideosAsync(new VideoListQuery())).Error!.Kind);
    }
}
