using VideoHub.Providers;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.Local;

/// <summary>Idempotency, provider-side moderation and configured failures of the local provider.</summary>
public sealed class JobBehaviourTests(LocalProviderServer server) : IClassFixture<LocalProviderServer>
{
    [Fact]
    public async Task Create_TwiceWithTheSameIdempotencyKey_GivesTheSameJob_AndRendersOnce()
    {
        var key = Guid.NewGuid().ToString();
        var failing = server.FaultyClient("fail"); // no render needed to count jobs
        var before = server.Store.Jobs.All.Count;

        var first = (await failing.CreateVideoAsync(new VideoCreateRequest("once") { IdempotencyKey = key })).GetValueOrThrow();
        var second = (await failing.CreateVideoAsync(new VideoCreateRequest("once") { IdempotencyKey = key })).GetValueOrThrow();
        var other = (await failing.CreateVideoAsync(new VideoCreateRequest("once") { IdempotencyKey = key + "-2" })).GetValueOrThrow();

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(before + 2, server.Store.Jobs.All.Count);
    }

    [Fact]
    public async Task Remix_TwiceWithTheSameKey_GivesTheSameJob()
    {
        var source = server.SeedCompletedJob(4, 0);
        var failing = server.FaultyClient("fail");
        var a = (await failing.RemixVideoAsync(new VideoRemixRequest(source, "again") { IdempotencyKey = "remix-key" })).GetValueOrThrow();
        var b = (await failing.RemixVideoAsync(new VideoRemixRequest(source, "again") { IdempotencyKey = "remix-key" })).GetValueOrThrow();
        Assert.Equal(a.Id, b.Id);
    }

    [Fact]
    public async Task Create_WithATermOnTheProvidersModerationList_FailsWithModerationBlocked()
    {
        var created = (await server.Client.CreateVideoAsync(new VideoCreateRequest("A PROVIDER-BLOCK-TEST scene"))).GetValueOrThrow();

        var done = await Polling.UntilTerminalAsync(server.Client, created.Id);

        Assert.Equal(ProviderVideoStatus.Failed, done.Status);
        Assert.Equal(ProviderVideoError.ModerationBlocked, done.Error!.Code);
        Assert.True(done.Error.IsPolicyRejection);
        Assert.Contains("provider-block-test", done.Error.Message);
        Assert.Equal(ProviderErrorKind.NotFound, (await server.Client.DownloadContentAsync(done.Id, ContentVariant.Video, Stream.Null)).Error!.Kind);
    }

    [Fact]
    public async Task Moderation_MatchesWholeWordsOnly()
    {
        var created = (await server.FaultyClient("fail").CreateVideoAsync(new VideoCreateRequest("a gorenstein bridge"))).GetValueOrThrow();
        var done = await Polling.UntilTerminalAsync(server.Client, created.Id);
        Assert.Equal("video_generation_failed", done.Error!.Code); // the fault, not moderation
    }
}

/// <summary>Jobs paced by the provider: statuses only move forward and progress rises.</summary>
public sealed class JobProgressTests : IAsyncLifetime
{
    private readonly ConfiguredLocalProviderServer server = ConfiguredLocalProviderServer.Paced(0.75);

    [Fact]
    public async Task Job_MovesQueuedInProgressCompleted_WithProgressRisingTo100()
    {
        var created = (await server.Client.CreateVideoAsync(new VideoCreateRequest("paced"))).GetValueOrThrow();
        var seen = new List<ProviderVideo>();

        var done = await Polling.UntilTerminalAsync(server.Client, created.Id, seen.Add);

        Assert.Equal(ProviderVideoStatus.Completed, done.Status);
        var statuses = seen.Select(v => v.Status).Distinct().ToList();
        Assert.Equal([ProviderVideoStatus.InProgress, ProviderVideoStatus.Completed], statuses.Where(s => s != ProviderVideoStatus.Queued));
        Assert.Equal(seen.Select(v => v.Progress).Order(), seen.Select(v => v.Progress));
        Assert.Contains(seen, v => v.Status == ProviderVideoStatus.InProgress && v.Progress is > 0 and < 100);
        Assert.All(seen.Where(v => !v.IsTerminal), v => Assert.NotNull(v.PollAfter));
    }

    public Task InitializeAsync() => server.InitializeAsync();
    public Task DisposeAsync() => server.DisposeAsync();
}
