using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Media;

/// <summary>GET /media/videos/{id}/{variant}: members only, ranges, ETags, and headers that keep browsers safe.</summary>
public sealed class MediaEndpointTests : IAsyncLifetime
{
    private readonly VideoHubFactory factory = new();
    private readonly byte[] videoBytes = Enumerable.Range(0, 5000).Select(i => (byte)(i % 251)).ToArray();
    private Video take = null!, otherTake = null!;
    private HttpClient member = null!, stranger = null!;

    public async Task InitializeAsync()
    {
        var owner = await factory.CreateUserAsync("owner@example.com");
        await factory.CreateUserAsync("viewer@example.com");
        await factory.CreateUserAsync("stranger@example.com");
        using var scope = factory.Services.CreateScope();
        var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
        var ownerActor = new Actor(owner.Id, "owner", false);
        var projectId = (await projects.CreateAsync(ownerActor, new ProjectInput { Name = "Media", Brief = "" })).Value;
        var otherId = (await projects.CreateAsync(ownerActor, new ProjectInput { Name = "Other", Brief = "" })).Value;
        Assert.True((await projects.AddMemberAsync(ownerActor, projectId, "viewer@example.com", ProjectRole.Viewer)).Succeeded);

        take = await TakeSeeder.SeedAsync(factory.Services, projectId, owner.Id, videoBytes, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        otherTake = await TakeSeeder.SeedAsync(factory.Services, otherId, owner.Id, videoBytes, [0xFF, 0xD8, 0xFF]);
        member = await factory.SignedInClientAsync("viewer@example.com");
        stranger = await factory.SignedInClientAsync("stranger@example.com");
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private string Url(Video v, string variant = "video") => $"/media/videos/{v.Id}/{variant}";

    [Fact]
    public async Task Member_GetsTheWholeVideo_WithSafeHeaders_AndAServerChosenFileName()
    {
        var response = await member.GetAsync(Url(take));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(videoBytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bytes", string.Join(",", response.Headers.AcceptRanges));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal($"video-{take.Id:N}.mp4", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal($"\"{take.Sha256}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Range_Gets206WithThatSlice_AndAnUnsatisfiableRangeGets416()
    {
        using var ranged = new HttpRequestMessage(HttpMethod.Get, Url(take));
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        using var bad = new HttpRequestMessage(HttpMethod.Get, Url(take));
        bad.Headers.Range = new RangeHeaderValue(90_000, null);

        var partial = await member.SendAsync(ranged);
        var refused = await member.SendAsync(bad);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(videoBytes[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 100-199/5000", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);
    }

    [Fact]
    public async Task IfNoneMatch_WithTheCurrentETag_Gets304()
    {
        var first = await member.GetAsync(Url(take, "thumbnail"));
        using var again = new HttpRequestMessage(HttpMethod.Get, Url(take, "thumbnail"));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await member.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/jpeg", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task NonMembers_UnknownIds_OtherProjectsTakes_AndUnknownVariants_All404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Url(take))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Url(take, "spritesheet"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Url(otherTake))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/media/videos/{Guid.NewGuid()}/video")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Url(take, "..%2Fvideo"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(Url(take, "spritesheet"))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var response = await factory.AnonymousClient().GetAsync(Url(take));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery);
    }
}
