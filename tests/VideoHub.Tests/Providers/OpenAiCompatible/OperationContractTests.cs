using VideoHub.Providers;
using VideoHub.Providers.Local;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.OpenAiCompatible;

/// <summary>Remix, edit and extend through the client, and the extension limits of the local provider.</summary>
public sealed class OperationContractTests(LocalProviderServer server) : IClassFixture<LocalProviderServer>
{
    [Fact]
    public async Task Remix_OfCompletedVideo_MakesNewVideoRecordingItsSource()
    {
        var source = await server.CompletedVideoAsync(new VideoCreateRequest("a lighthouse") { Size = "1280x720" });

        var remix = (await server.Client.RemixVideoAsync(new VideoRemixRequest(source.Id, "the lighthouse at night"))).GetValueOrThrow();

        Assert.NotEqual(source.Id, remix.Id);
        Assert.Equal(source.Id, remix.RemixedFromVideoId);
        Assert.Equal((source.Model, source.Size, source.Seconds), (remix.Model, remix.Size, remix.Seconds));
        var done = await Polling.UntilTerminalAsync(server.Client, remix.Id);
        Assert.Equal(ProviderVideoStatus.Completed, done.Status);
        Assert.Contains($"remix of {source.Id}", await File.ReadAllTextAsync(Path.Combine(server.Store.Paths.Media(remix.Id), "label.txt")));
    }

    [Fact]
    public async Task Edit_ById_MakesNewVideoOfTheSameShapeThatNamesItsSource()
    {
        var source = await server.CompletedVideoAsync(new VideoCreateRequest("a red door"));

        var edit = (await server.Client.EditVideoAsync(new VideoEditRequest("make the door blue") { VideoId = source.Id })).GetValueOrThrow();

        Assert.Null(edit.RemixedFromVideoId);
        Assert.Equal((source.Size, source.Seconds), (edit.Size, edit.Seconds));
        Assert.Equal(ProviderVideoStatus.Completed, (await Polling.UntilTerminalAsync(server.Client, edit.Id)).Status);
        Assert.Equal(source.Id, server.Store.Jobs.Get(edit.Id)!.SourceVideoId);
    }

    [Fact]
    public async Task Edit_OfUploadedClip_TakesSizeAndLengthFromTheClip()
    {
        var clip = await MediaFiles.ClipAsync(4, "640x360");
        await using var content = File.OpenRead(clip);

        var edit = (await server.Client.EditVideoAsync(new VideoEditRequest("add snow")
        {
            VideoUpload = new UploadFile(content, "mine.mp4", "video/mp4"), Model = "sora-2",
        })).GetValueOrThrow();

        Assert.Equal(("640x360", 4), (edit.Size, edit.Seconds));
        Assert.Equal(ProviderVideoStatus.Completed, (await Polling.UntilTerminalAsync(server.Client, edit.Id)).Status);
    }

    [Fact]
    public async Task Remix_OfUnfinishedOrUnknownVideo_IsRefused()
    {
        var unknown = await server.Client.RemixVideoAsync(new VideoRemixRequest("video_unknown", "x"));
        Assert.Equal(ProviderErrorKind.NotFound, unknown.Error!.Kind);

        var failed = await server.CompletedFailedVideoAsync();
        var result = await server.Client.RemixVideoAsync(new VideoRemixRequest(failed, "x"));
        Assert.Equal(ProviderErrorKind.InvalidRequest, result.Error!.Kind);
        Assert.Equal("invalid_video_status", result.Error.Code);
    }

    [Fact]
    public async Task Extend_CompletedVideo_GivesTheStitchedWholeWithTotalSeconds()
    {
        var source = await server.CompletedVideoAsync(new VideoCreateRequest("a kite") { Size = "1280x720", Seconds = 4 });

        var extension = (await server.Client.ExtendVideoAsync(new VideoExtendRequest(source.Id, "the kite climbs", 4))).GetValueOrThrow();

        Assert.Equal(8, extension.Seconds);
        var done = await Polling.UntilTerminalAsync(server.Client, extension.Id);
        Assert.Equal(ProviderVideoStatus.Completed, done.Status);
        var path = Path.Combine(MediaFiles.TempFolder(), "extended.mp4");
        await using (var file = File.Create(path))
            (await server.Client.DownloadContentAsync(extension.Id, ContentVariant.Video, file)).GetValueOrThrow();
        var probe = await MediaFiles.ProbeAsync(path);
        Assert.InRange(probe.Duration.TotalSeconds, 7.9, 8.1);
        Assert.Equal((1280, 720), (probe.PrimaryVideoStream!.Width, probe.PrimaryVideoStream.Height));
        Assert.Equal("h264", probe.PrimaryVideoStream.CodecName);
        Assert.Equal("aac", probe.PrimaryAudioStream!.CodecName);
    }

    [Fact]
    public async Task Extend_ASeventhTime_IsRefused()
    {
        var sixTimes = server.SeedCompletedJob(seconds: 28, extensions: 6);
        var result = await server.Client.ExtendVideoAsync(new VideoExtendRequest(sixTimes, "once more", 4));
        Assert.Equal(ProviderErrorKind.InvalidRequest, result.Error!.Kind);
        Assert.Equal(("video", "extension_limit_reached"), (result.Error.Param, result.Error.Code));
    }

    [Fact]
    public async Task Extend_BeyondOneHundredTwentySeconds_IsRefused_ButUpToItIsAccepted()
    {
        var long116 = server.SeedCompletedJob(seconds: 116, extensions: 3);
        var tooLong = await server.Client.ExtendVideoAsync(new VideoExtendRequest(long116, "more", 8));
        Assert.Equal(("seconds", "duration_limit_reached"), (tooLong.Error!.Param, tooLong.Error.Code));
        Assert.Contains("124 s", tooLong.Error.Message);

        var exactly = await server.FaultyClient("fail").ExtendVideoAsync(new VideoExtendRequest(long116, "more", 4));
        Assert.Equal(120, exactly.GetValueOrThrow().Seconds);
    }

    [Fact]
    public async Task Extend_WithCharactersOrImageReference_IsRefused()
    {
        var source = server.SeedCompletedJob(seconds: 4, extensions: 0);
        using var http = new HttpClient();
        foreach (var (field, body) in new[]
                 {
                     ("characters", $$$"""{"prompt":"p","seconds":"4","video":{"id":"{{{source}}}"},"characters":[{"id":"char_x"}]}"""),
                     ("input_reference", $$$"""{"prompt":"p","seconds":"4","video":{"id":"{{{source}}}"},"input_reference":{"image_url":"data:image/png;base64,AA=="}}"""),
                 })
        {
            var response = await RawPost(http, "videos/extensions", body);
            Assert.Equal(400, (int)response.StatusCode);
            Assert.Contains($"\"param\":\"{field}\"", await response.Content.ReadAsStringAsync());
        }
    }

    private Task<HttpResponseMessage> RawPost(HttpClient http, string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Host.BaseUrl + "/" + path))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", server.Host.ApiKey);
        return http.SendAsync(request);
    }
}
