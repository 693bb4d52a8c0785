using Microsoft.AspNetCore.Http;
using VideoHub.Providers;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.OpenAiCompatible;

/// <summary>Answers the local provider never gives: the client must tolerate them, and count its attempts right.</summary>
public sealed class WireToleranceTests
{
    [Fact]
    public async Task Get_WithExtraFieldsUnknownStatusAndNumbersForStrings_IsMappedNotRejected()
    {
        await using var server = await CannedServer.StartAsync((http, _) => CannedServer.Json(http, 200, """
            {"id":"video_x","object":"video","model":"sora-2-2025-12-08","status":"expired","progress":37.6,
             "created_at":1758941485,"completed_at":null,"expires_at":1758945085,"prompt":"p","size":"1280x720",
             "seconds":12,"remixed_from_video_id":null,"error":null,"quality":"standard",
             "misalignment":{"score":0.1},"brand_new":[1,2,3]}
            """));
        var client = TestClients.Create(server.BaseUrl, "k");

        var video = (await client.GetVideoAsync("video_x")).GetValueOrThrow();

        Assert.Equal(ProviderVideoStatus.Unknown, video.Status);
        Assert.Equal("expired", video.RawStatus);
        Assert.Equal((38, 12, "sora-2-2025-12-08"), (video.Progress, video.Seconds, video.Model));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1758945085).UtcDateTime, video.ExpiresAt);
    }

    [Fact]
    public async Task Get_RetriesExactlyUntilSuccess_AndPostIsSentOnce()
    {
        await using var server = await CannedServer.StartAsync((http, n) => http.Request.Method == "GET" && n >= 3
            ? CannedServer.Json(http, 200, """{"object":"list","data":[],"first_id":null,"last_id":null,"has_more":false}""")
            : CannedServer.Json(http, 503, """{"error":{"message":"busy","type":"server_error","param":null,"code":null}}"""));
        var client = TestClients.Create(server.BaseUrl, "k");

        Assert.True((await client.ListVideosAsync(new VideoListQuery())).IsSuccess);
        Assert.Equal(3, server.Requests.Count);

        var post = await client.CreateVideoAsync(new VideoCreateRequest("p"));
        Assert.Equal((ProviderErrorKind.ServerError, "busy"), (post.Error!.Kind, post.Error.Message));
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task ErrorWithoutEnvelope_OrPolicyCode_IsStillTyped()
    {
        await using var server = await CannedServer.StartAsync((http, n) => n == 1
            ? CannedServer.Json(http, 400, """{"error":{"message":"Your request was rejected by the safety system.","type":"invalid_request_error","param":"prompt","code":"moderation_blocked"}}""")
            : http.Response.WriteAsync("<html>502 Bad Gateway</html>"));
        var client = TestClients.Create(server.BaseUrl, "k", o => o.MaxRetries = 0);

        var policy = await client.CreateVideoAsync(new VideoCreateRequest("p"));
        Assert.Equal((ProviderErrorKind.RejectedByPolicy, "prompt"), (policy.Error!.Kind, policy.Error.Param));

        var html = await client.GetVideoAsync("video_x");
        Assert.Equal(ProviderErrorKind.ProtocolError, html.Error!.Kind);
    }
}
