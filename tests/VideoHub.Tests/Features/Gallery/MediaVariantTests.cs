using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VideoHub.Domain.Rendering;
using VideoHub.Tests.Infrastructure;
using VideoHub.Tests.Media;

namespace VideoHub.Tests.Features.Gallery;

/// <summary>
/// GET /media/videos/{id}/{variant} over every variant: one authorisation check, ranges at their edges, ETags,
/// and traversal attempts that must never reach a file.
/// </summary>
public sealed class MediaVariantTests : IAsyncLifetime
{
    private static readonly string[] Variants = ["video", "thumbnail", "spritesheet", "poster", "metadata"];
    private readonly GalleryWorld world = new();
    private readonly byte[] videoBytes = Enumerable.Range(0, 5000).Select(i => (byte)(i % 251)).ToArray();
    private readonly byte[] picture = [0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7];
    private Video take = null!, otherTake = null!;
    private HttpClient viewer = null!, stranger = null!;

    public async Task InitializeAsync()
    {
        await world.InitializeAsync();
        take = await TakeSeeder.SeedAsync(world.Factory.Services, world.ProjectA, world.Owner.UserId, videoBytes, picture);
        otherTake = await TakeSeeder.SeedAsync(world.Factory.Services, world.ProjectB, world.Owner.UserId, videoBytes, picture);
        viewer = await world.Factory.SignedInClientAsync("viewer@example.com");
        stranger = await world.Factory.SignedInClientAsync("stranger@example.com");
    }

    public Task DisposeAsync() => world.DisposeAsync();

    private string Url(Video v, string variant = "video") => $"/media/videos/{v.Id}/{variant}";

    private async Task<HttpResponseMessage> RangeAsync(string range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(take));
        request.Headers.TryAddWithoutValidation("Range", range);
        return await viewer.SendAsync(request);
    }

    [Fact]
    public async Task EveryVariant_ServesMembers_AndAnswers404ToStrangersAndForOtherProjectsTakes()
    {
        foreach (var variant in Variants)
        {
            var ok = await viewer.GetAsync(Url(take, variant));
            Assert.True(ok.StatusCode == HttpStatusCode.OK, $"{variant}: {ok.StatusCode}");
            Assert.Equal("nosniff", string.Join(",", ok.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal($"{variant}-{take.Id:N}", Path.GetFileNameWithoutExtension(ok.Content.Headers.ContentDisposition?.FileName?.Trim('"')));
            Assert.NotNull(ok.Headers.ETag);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Url(take, variant))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(Url(otherTake, variant))).StatusCode);
        }
    }

    [Fact]
    public async Task Poster_FallsBackToTheThumbnail_WhenTheVideoCannotBeRead_AndMetadataIsJsonOfTheTake()
    {
        var poster = await viewer.GetAsync(Url(take, "poster"));
        var metadata = await viewer.GetAsync(Url(take, "metadata"));
        var json = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(picture, await poster.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", poster.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", metadata.Content.Headers.ContentType?.MediaType);
        Assert.Equal(take.Id, json.GetProperty("id").GetGuid());
        Assert.Equal(take.Sha256, json.GetProperty("sha256").GetString());
        Assert.Equal("seeded", json.GetProperty("prompt").GetString());
    }

    [Fact]
    public async Task Download_AsksForAnAttachment_WithTheServersFileName()
    {
        var response = await viewer.GetAsync(Url(take) + "?download=1&filename=../../evil.sh");

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"video-{take.Id:N}.mp4", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Theory]
    [InlineData("bytes=0-0", 0, 0)]
    [InlineData("bytes=4999-4999", 4999, 4999)]
    [InlineData("bytes=4900-", 4900, 4999)]
    [InlineData("bytes=-100", 4900, 4999)]
    [InlineData("bytes=4990-90000", 4990, 4999)]
    [InlineData("bytes=0-", 0, 4999)]
    public async Task SatisfiableRanges_Get206_WithExactlyThoseBytes(string range, int from, int to)
    {
        var response = await RangeAsync(range);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(videoBytes[from..(to + 1)], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes {from}-{to}/5000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal("bytes", string.Join(",", response.Headers.AcceptRanges));
    }

    [Theory]
    [InlineData("bytes=5000-")]
    [InlineData("bytes=90000-90001")]
    [InlineData("bytes=-0")]
    public async Task UnsatisfiableRanges_Get416_WithTheLength(string range)
    {
        var response = await RangeAsync(range);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */5000", response.Content.Headers.ContentRange?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5-2")]
    [InlineData("items=0-10")]
    [InlineData("bytes=0-1,3-4")]
    [InlineData("bytes=--1")]
    [InlineData("bytes=99999999999999999999999-")]
    public async Task MalformedOrMultipleRanges_AreIgnored_AndTheWholeFileIsSent(string range)
    {
        var response = await RangeAsync(range);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(videoBytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task IfNoneMatch_Gets304OnEveryVariant_AndAStaleTagGetsTheBody()
    {
        foreach (var variant in Variants)
        {
            var first = await viewer.GetAsync(Url(take, variant));
            using var again = new HttpRequestMessage(HttpMethod.Get, Url(take, variant));
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            using var stale = new HttpRequestMessage(HttpMethod.Get, Url(take, variant));
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));

            Assert.True((await viewer.SendAsync(again)).StatusCode == HttpStatusCode.NotModified, variant);
            Assert.Equal(HttpStatusCode.OK, (await viewer.SendAsync(stale)).StatusCode);
        }
    }

    [Theory]
    [InlineData("../video")]
    [InlineData("..%2Fvideo")]
    [InlineData("..%2f..%2f..%2fappsettings.json")]
    [InlineData("%2e%2e%2fvideo")]
    [InlineData("..%5Cvideo")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("/etc/passwd")]
    [InlineData("C:%5Cwindows%5Cwin.ini")]
    [InlineData("VIDEO")]
    [InlineData("video/../../../../etc/passwd")]
    public async Task TraversalAttempts_InTheVariant_NeverReachAFile(string attempt)
    {
        var response = await viewer.GetAsync($"/media/videos/{take.Id}/{attempt}");

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{attempt}: {response.StatusCode}");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(videoBytes, body);
        Assert.DoesNotContain("root:", System.Text.Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("/media/videos/..%2F..%2Fappsettings.json/video")]
    [InlineData("/media/videos/%2e%2e/video")]
    [InlineData("/media/videos//etc/passwd")]
    [InlineData("/media/../appsettings.json")]
    public async Task TraversalAttempts_InTheId_NeverReachAFile(string url)
    {
        var response = await viewer.GetAsync(url);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("\"Bootstrap\"", body);
        Assert.DoesNotContain("root:", body);
    }
}
