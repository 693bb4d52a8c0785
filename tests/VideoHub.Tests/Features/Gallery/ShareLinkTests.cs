using System.Net;
using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Gallery.Collections;
using VideoHub.Features.Gallery.Sharing;
using VideoHub.Tests.Infrastructure;
using VideoHub.Tests.Media;

namespace VideoHub.Tests.Features.Gallery;

/// <summary>
/// Public share links over real HTTP, anonymous: the page, every variant and the metadata all obey expiry,
/// revocation, password and scope; wrong passwords are rate-limited; openings are audited.
/// </summary>
public sealed class ShareLinkTests : IAsyncLifetime
{
    private static readonly string[] Variants = ["video", "thumbnail", "spritesheet", "poster", "metadata"];
    private readonly GalleryWorld world = new();
    private readonly byte[] videoBytes = Enumerable.Range(0, 3000).Select(i => (byte)(i % 199)).ToArray();
    private Video take = null!, otherTake = null!;

    public async Task InitializeAsync()
    {
        await world.InitializeAsync();
        take = await TakeSeeder.SeedAsync(world.Factory.Services, world.ProjectA, world.Owner.UserId, videoBytes, [0xFF, 0xD8, 0xFF]);
        otherTake = await TakeSeeder.SeedAsync(world.Factory.Services, world.ProjectA, world.Owner.UserId, videoBytes, [0xFF, 0xD8, 0xFF]);
    }

    public Task DisposeAsync() => world.DisposeAsync();

    private ShareLinkService Shares => world.Service<ShareLinkService>();

    private async Task<CreatedShareLink> LinkAsync(string? password = null, Guid? videoId = null) =>
        (await Shares.CreateForTakeAsync(world.Owner, videoId ?? take.Id, new ShareLinkInput { Label = "client", Password = password })).Value!;

    private static string Media(CreatedShareLink link, Guid videoId, string variant) => $"{link.Path}/media/{videoId}/{variant}";

    private async Task<Dictionary<string, HttpStatusCode>> EveryVariantAsync(HttpClient client, CreatedShareLink link, Guid videoId)
    {
        var codes = new Dictionary<string, HttpStatusCode> { ["page"] = (await client.GetAsync(link.Path)).StatusCode };
        foreach (var v in Variants) codes[v] = (await client.GetAsync(Media(link, videoId, v))).StatusCode;
        return codes;
    }

    private static void AllAre(HttpStatusCode expected, Dictionary<string, HttpStatusCode> codes) =>
        Assert.True(codes.Values.All(c => c == expected), string.Join(", ", codes.Select(c => $"{c.Key}={(int)c.Value}")));

    [Fact]
    public async Task AnActiveLink_ShowsItsTakeToAnyone_OnEveryVariant_ButNoOtherTake()
    {
        var link = await LinkAsync();
        var anonymous = world.Factory.AnonymousClient();

        AllAre(HttpStatusCode.OK, await EveryVariantAsync(anonymous, link, take.Id));
        foreach (var v in Variants) Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Media(link, otherTake.Id, v))).StatusCode);
        Assert.Equal(videoBytes, await anonymous.GetByteArrayAsync(Media(link, take.Id, "video")));
        using var ranged = new HttpRequestMessage(HttpMethod.Get, Media(link, take.Id, "video"));
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(10, 19);
        Assert.Equal(HttpStatusCode.PartialContent, (await anonymous.SendAsync(ranged)).StatusCode);
    }

    [Fact]
    public async Task ExpiredRevokedUnknownAndMalformedLinks_Answer404Everywhere()
    {
        var expired = await LinkAsync();
        var revoked = await LinkAsync();
        await using (var db = await world.DbAsync())
            await db.ShareLinks.Where(l => l.Id == expired.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        Assert.True((await Shares.RevokeAsync(world.Owner, revoked.Id)).Succeeded);
        var anonymous = world.Factory.AnonymousClient();

        AllAre(HttpStatusCode.NotFound, await EveryVariantAsync(anonymous, expired, take.Id));
        AllAre(HttpStatusCode.NotFound, await EveryVariantAsync(anonymous, revoked, take.Id));
        AllAre(HttpStatusCode.NotFound, await EveryVariantAsync(anonymous, new CreatedShareLink(Guid.NewGuid(), new string('A', 43)), take.Id));
        AllAre(HttpStatusCode.NotFound, await EveryVariantAsync(anonymous, new CreatedShareLink(Guid.NewGuid(), "..%2F..%2Fetc"), take.Id));
    }

    [Fact]
    public async Task WrongPasswords_AreRateLimited_AndTheRightOneUnlocksEveryVariant()
    {
        var link = await LinkAsync(password: "open sesame");
        var visitor = world.Factory.AnonymousClient();

        var locked = await visitor.GetAsync(link.Path);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("share-unlock-form", await locked.Content.ReadAsStringAsync());
        Assert.DoesNotContain("seeded", await locked.Content.ReadAsStringAsync());
        foreach (var v in Variants) Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Media(link, take.Id, v))).StatusCode);

        var wrong = await UnlockAsync(visitor, link, "guess");
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.EndsWith("?error=wrong", wrong.RedirectPath());

        var right = await UnlockAsync(visitor, link, "open sesame");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        AllAre(HttpStatusCode.OK, await EveryVariantAsync(visitor, link, take.Id));
        Assert.Contains("seeded", await visitor.GetStringAsync(link.Path));

        var attacked = await LinkAsync(password: "correct horse");
        var attacker = world.Factory.AnonymousClient();
        for (var i = 0; i < SharePasswordLimiter.PermitLimit - 1; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await UnlockAsync(attacker, attacked, $"guess {i}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await UnlockAsync(attacker, attacked, "guess last")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await UnlockAsync(attacker, attacked, "correct horse")).StatusCode);
        foreach (var v in Variants) Assert.Equal(HttpStatusCode.NotFound, (await attacker.GetAsync(Media(attacked, take.Id, v))).StatusCode);

        await using var db = await world.DbAsync();
        Assert.Equal(SharePasswordLimiter.PermitLimit + 1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.SharePasswordFailed));
    }

    [Fact]
    public async Task AnUnlockCookie_IsBoundToItsLink_AndForgedCookiesDoNothing()
    {
        var first = await LinkAsync(password: "first secret");
        var second = await LinkAsync(password: "second secret");
        var visitor = world.Factory.AnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await UnlockAsync(visitor, first, "first secret")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Media(first, take.Id, "metadata"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Media(second, take.Id, "metadata"))).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, Media(second, take.Id, "video"));
        forged.Headers.Add("Cookie", $"{ShareAccess.CookieName}=CfDJ8forged");
        Assert.Equal(HttpStatusCode.NotFound, (await world.Factory.AnonymousClient().SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task OpeningALink_IsAuditedAndCounted_AndTheProjectListsIt()
    {
        var link = await LinkAsync();
        await world.Factory.AnonymousClient().GetAsync(link.Path);

        await using var db = await world.DbAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ShareOpened && e.EntityId == link.Id.ToString()));
        var row = Assert.Single((await Shares.ListForProjectAsync(world.Owner, world.ProjectA))!);
        Assert.Equal(1, row.OpenCount);
        Assert.Null(await Shares.ListForProjectAsync(world.Viewer, world.ProjectA));
        Assert.True((await Shares.CreateForTakeAsync(world.Viewer, take.Id, new ShareLinkInput())).Error is not null);
        Assert.True((await Shares.CreateForTakeAsync(world.Stranger, take.Id, new ShareLinkInput())).IsNotFound);
        Assert.True((await Shares.RevokeAsync(world.Viewer, link.Id)).IsNotFound);
        Assert.False((await Shares.CreateForTakeAsync(world.Owner, take.Id, new ShareLinkInput { ExpiresInDays = 400 })).Succeeded);
        Assert.False((await Shares.CreateForTakeAsync(world.Owner, take.Id, new ShareLinkInput { Password = "123" })).Succeeded);
    }

    [Fact]
    public async Task ACollectionLink_ShowsTheBoardsTakes_OnlyThose()
    {
        var collections = world.Service<CollectionService>();
        var board = (await collections.CreateAsync(world.Owner, "For the client")).Value;
        Assert.True((await collections.AddAsync(world.Owner, board, take.Id)).Succeeded);
        var link = (await Shares.CreateForCollectionAsync(world.Owner, board, new ShareLinkInput { Label = "board" })).Value!;
        var anonymous = world.Factory.AnonymousClient();

        var page = await anonymous.GetStringAsync(link.Path);
        Assert.Contains("For the client", page);
        AllAre(HttpStatusCode.OK, await EveryVariantAsync(anonymous, link, take.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Media(link, otherTake.Id, "video"))).StatusCode);
        Assert.True((await Shares.CreateForCollectionAsync(world.Viewer, board, new ShareLinkInput())).IsNotFound);
    }

    private static Task<HttpResponseMessage> UnlockAsync(HttpClient client, CreatedShareLink link, string password) =>
        BrowserlessSignIn.PostFormAsync(client, link.Path + "/unlock", "unlock", new Dictionary<string, string> { ["password"] = password }, tokenFrom: link.Path);
}
