using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.E2E.Admin;
using VideoHub.Features.Gallery.Sharing;
using VideoHub.Features.Projects;

namespace VideoHub.E2E.Features.Gallery;

/// <summary>
/// Wrong inputs in Chromium: filters in a link that mean nothing, a project the user is not in, a take of another
/// project, expired and revoked share links. Each gets a clear message or the Not found page, never the error page.
/// </summary>
public sealed class GalleryWrongInputTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task BadFilters_ForeignTakes_AndDeadShareLinks_GiveAMessageOrNotFound_NeverTheErrorPage()
    {
        var world = await SeedAsync();
        var page = await app.NewPageAsync();
        await page.SignInAsync("member@example.com");

        await page.GotoAsync("/gallery?project=not-a-guid&sort=sideways&from=yesterday&state=Approved");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#gallery-bad-filters")).ToContainTextAsync("project, from, sort");
        await Assertions.Expect(page.Locator("[data-testid=take-card]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("gallery-bad-filters");

        await page.GotoAsync($"/gallery?project={world.Theirs}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#gallery-unknown-project")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gallery-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=take-card]")).ToHaveCountAsync(0);

        foreach (var url in new[] { $"/projects/{world.Mine}/takes/{world.TheirTake}", $"/projects/{world.Theirs}/takes/{world.TheirTake}",
                     $"/projects/{world.Theirs}/takes/{world.MyTake}", $"/projects/{world.Mine}/takes/{Guid.NewGuid()}" })
            await ExpectNotFoundAsync(page, url);
        var media = await page.APIRequest.GetAsync($"/media/videos/{world.TheirTake}/video");
        Assert.Equal(404, media.Status);

        await using var stranger = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var visitor = await stranger.NewPageAsync();
        foreach (var token in new[] { world.ExpiredToken, world.RevokedToken, "not-a-token", "..%2F..%2Fappsettings.json" })
        {
            await ExpectNotFoundAsync(visitor, $"/share/{token}");
            Assert.Equal(404, (await visitor.APIRequest.GetAsync($"/share/{token}/media/{world.MyTake}/video")).Status);
        }
        await visitor.ScreenshotAsync("share-expired");
    }

    private static async Task ExpectNotFoundAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Something went wrong")).ToHaveCountAsync(0);
    }

    private sealed record World(Guid Mine, Guid Theirs, Guid MyTake, Guid TheirTake, string ExpiredToken, string RevokedToken);

    private async Task<World> SeedAsync()
    {
        await app.CreateAdminAsync("boss@example.com", "Boss");
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var member = new ApplicationUser { UserName = "member@example.com", Email = "member@example.com", EmailConfirmed = true, DisplayName = "Member", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(member, AdminSignIn.Password)).Succeeded);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        var bossId = await db.Users.Where(u => u.Email == "boss@example.com").Select(u => u.Id).SingleAsync();
        var boss = new Actor(bossId, "Boss", true);
        var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
        var mine = (await projects.CreateAsync(boss, new ProjectInput { Name = "Mine", Brief = "" })).Value;
        var theirs = (await projects.CreateAsync(boss, new ProjectInput { Name = "Theirs", Brief = "" })).Value;
        Assert.True((await projects.AddMemberAsync(boss, mine, "member@example.com", ProjectRole.Editor)).Succeeded);
        var myTake = await TakeAsync(db, mine, bossId, "a take of mine");
        var theirTake = await TakeAsync(db, theirs, bossId, "a take of theirs");

        var links = scope.ServiceProvider.GetRequiredService<ShareLinkService>();
        var expired = (await links.CreateForTakeAsync(boss, myTake, new ShareLinkInput { Label = "old" })).Value!;
        var revoked = (await links.CreateForTakeAsync(boss, myTake, new ShareLinkInput { Label = "withdrawn" })).Value!;
        Assert.True((await links.RevokeAsync(boss, revoked.Id)).Succeeded);
        var expiredRow = await db.ShareLinks.SingleAsync(l => l.Id == expired.Id);
        expiredRow.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
        await db.SaveChangesAsync();
        return new(mine, theirs, myTake, theirTake, expired.Token, revoked.Token);
    }

    private static async Task<Guid> TakeAsync(VideoHubDbContext db, Guid projectId, string userId, string prompt)
    {
        var now = DateTime.UtcNow;
        var request = new RenderRequest { ProjectId = projectId, AuthorId = userId, AuthorName = "Boss", Prompt = prompt, ProviderId = "local",
            Model = "sora-2", Size = "1280x720", Seconds = 4, State = RenderState.Ready, CreatedAt = now, UpdatedAt = now };
        var take = new Video { ProjectId = projectId, RenderRequestId = request.Id, ProviderId = "local", ProviderJobId = "e2e", Model = "sora-2",
            Prompt = prompt, VideoKey = "none", Width = 1280, Height = 720, DurationSeconds = 4, ReviewState = ReviewState.Approved, CreatedAt = now };
        take.StackId = take.Id;
        request.VideoId = take.Id;
        db.RenderRequests.Add(request);
        db.Videos.Add(take);
        await db.SaveChangesAsync();
        return take.Id;
    }
}
