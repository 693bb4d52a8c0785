using VideoHub.Providers;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.OpenAiCompatible;

/// <summary>The client against the local provider over real HTTP: create, retrieve, list, delete, content.</summary>
public sealed class VideoContractTests(LocalProviderServer server) : IClassFixture<LocalProviderServer>
{
    [Fact]
    public async Task Create_Json_ReturnsQueuedJobWithRequestedFieldsAndPollHint_ThenCompletes()
    {
        var created = (await server.Client.CreateVideoAsync(new VideoCreateRequest("A paper boat: 100% 'ready'")
        {
            Model = "sora-2", Size = "1280x720", Seconds = 4,
        })).GetValueOrThrow();

        Assert.StartsWith("video_", created.Id);
        Assert.Equal(ProviderVideoStatus.Queued, created.Status);
        Assert.Equal(("sora-2", "1280x720", 4), (created.Model, created.Size, created.Seconds));
        Assert.Equal("A paper boat: 100% 'ready'", created.Prompt);
        Assert.Equal(TimeSpan.FromMilliseconds(100), created.PollAfter);
        Assert.Null(created.CompletedAt);

        var done = await Polling.UntilTerminalAsync(server.Client, created.Id);
        Assert.Equal(ProviderVideoStatus.Completed, done.Status);
        Assert.Equal(100, done.Progress);
        Assert.NotNull(done.CompletedAt);
        Assert.Equal(done.CompletedAt!.Value.AddHours(1), done.ExpiresAt);
        Assert.Null(done.PollAfter);
    }

    [Fact]
    public async Task Create_WithDefaults_UsesSora2Portrait4Seconds()
    {
        var created = (await server.FaultyClient("fail").CreateVideoAsync(new VideoCreateRequest("defaults"))).GetValueOrThrow();
        Assert.Equal(("sora-2", "720x1280", 4), (created.Model, created.Size, created.Seconds));
    }

    [Fact]
    public async Task Retrieve_UnknownId_IsNotFoundWithTheProvidersMessage()
    {
        var result = await server.Client.GetVideoAsync("video_missing");
        Assert.Equal(ProviderErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal("Video with id 'video_missing' not found.", result.Error.Message);
        Assert.Equal(404, result.Error.StatusCode);
    }

    [Fact]
    public async Task List_PagesThroughEveryVideoWithTheAfterCursor_InBothOrders()
    {
        var failing = server.FaultyClient("fail"); // failed jobs list the same and cost no render
        for (var i = 0; i < 3; i++) (await failing.CreateVideoAsync(new VideoCreateRequest($"list {i}"))).GetValueOrThrow();

        var ids = new List<string>();
        string? after = null;
        ProviderVideoPage page;
        do
        {
            page = (await server.Client.ListVideosAsync(new VideoListQuery(Limit: 2, After: after))).GetValueOrThrow();
            Assert.True(page.Videos.Count <= 2);
            ids.AddRange(page.Videos.Select(v => v.Id));
            after = page.LastId;
        } while (page.HasMore);

        var all = server.Store.Jobs.All.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id, StringComparer.Ordinal)
            .Select(j => j.Id).ToList();
        Assert.Equal(all, ids);
        var ascending = (await server.Client.ListVideosAsync(new VideoListQuery(Limit: 100, Order: ListOrder.Asc))).GetValueOrThrow();
        Assert.Equal(all.AsEnumerable().Reverse(), ascending.Videos.Select(v => v.Id));
        Assert.False(ascending.HasMore);
    }

    [Fact]
    public async Task List_WithUnknownAfterId_IsNotFound()
    {
        var result = await server.Client.ListVideosAsync(new VideoListQuery(After: "video_nope"));
        Assert.Equal(ProviderErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal("after", result.Error.Param);
    }

    [Fact]
    public async Task Delete_CompletedVideo_RemovesTheJobAndItsFiles()
    {
        var video = await server.CompletedVideoAsync(new VideoCreateRequest("to delete"));
        var deleted = (await server.Client.DeleteVideoAsync(video.Id)).GetValueOrThrow();

        Assert.Equal(new ProviderVideoDeleted(video.Id, true), deleted);
        Assert.Equal(ProviderErrorKind.NotFound, (await server.Client.GetVideoAsync(video.Id)).Error!.Kind);
        Assert.False(Directory.Exists(server.Store.Paths.Media(video.Id)));
        var download = await server.Client.DownloadContentAsync(video.Id, ContentVariant.Video, Stream.Null);
        Assert.Equal(ProviderErrorKind.NotFound, download.Error!.Kind);
    }

    [Fact]
    public async Task Download_EveryVariant_StreamsMp4WebpAndJpeg()
    {
        var video = await server.CompletedVideoAsync(new VideoCreateRequest("variants") { Size = "1280x720" });

        var expected = new (ContentVariant Variant, string Type, byte[] Magic, int Offset)[]
        {
            (ContentVariant.Video, "video/mp4", "ftyp"u8.ToArray(), 4),
            (ContentVariant.Thumbnail, "image/webp", "WEBP"u8.ToArray(), 8),
            (ContentVariant.Spritesheet, "image/jpeg", [0xFF, 0xD8, 0xFF], 0),
        };
        foreach (var (variant, type, magic, offset) in expected)
        {
            using var buffer = new MemoryStream();
            var download = (await server.Client.DownloadContentAsync(video.Id, variant, buffer)).GetValueOrThrow();
            Assert.Equal(type, download.ContentType);
            Assert.Equal(buffer.Length, download.Bytes);
            Assert.Equal(magic, buffer.ToArray().AsSpan(offset, magic.Length).ToArray());
        }
    }

    [Fact]
    public async Task Download_OfUnfinishedVideo_IsNotFound_AndWritesNothing()
    {
        await using var slow = ConfiguredLocalProviderServer.Paced();
        await slow.InitializeAsync();
        var created = (await slow.Client.CreateVideoAsync(new VideoCreateRequest("not yet"))).GetValueOrThrow();
        using var buffer = new MemoryStream();

        var result = await slow.Client.DownloadContentAsync(created.Id, ContentVariant.Video, buffer);

        Assert.Equal(ProviderErrorKind.NotFound, result.Error!.Kind);
        Assert.Contains("has no content", result.Error.Message);
        Assert.Equal(0, buffer.Length);
        var delete = await slow.Client.DeleteVideoAsync(created.Id);
        Assert.Equal(ProviderErrorKind.InvalidRequest, delete.Error!.Kind);
    }
}
