using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.E2E.Admin;
using VideoHub.Features.Projects;
using VideoHub.Media;
using VideoHub.Providers;

namespace VideoHub.E2E.Features.Gallery;

/// <summary>
/// The gallery in Chromium: search and filter through the URL-bound filter bar, hover-scrub a card, play a take
/// and seek in it (range requests), then open a password-protected share link in a fresh browser context.
/// </summary>
public sealed class GalleryBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SearchFilterScrubPlaySeek_ThenAShareLinkOpensWithItsPassword()
    {
        await app.CreateAdminAsync("curator@example.com", "Curator");
        var projectId = await SeedAsync();
        var page = await app.NewPageAsync();
        await page.SignInAsync("curator@example.com");
        var health = PageHealth.Watch(page, app);

        await page.GotoAsync("/gallery");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=take-card]")).ToHaveCountAsync(3);
        await page.Locator("#gallery-search").FillAsync("lighthouse");
        await page.WaitForURLAsync(url => url.Contains("q=lighthouse"));
        await Assertions.Expect(page.Locator("[data-testid=take-card]")).ToHaveCountAsync(2);
        await page.Locator("#filter-aspect").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Portrait" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("aspect=Portrait"));
        var card = page.Locator("[data-testid=take-card]");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("tall lighthouse");
        await page.ScreenshotAsync("gallery-filtered");

        var thumb = card.Locator(".vh-thumb");
        var box = (await thumb.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.05f, box.Y + box.Height / 2);
        await Assertions.Expect(thumb).ToHaveAttributeAsync("data-scrub-frame", "0");
        await page.Mouse.MoveAsync(box.X + box.Width * 0.95f, box.Y + box.Height / 2);
        await Assertions.Expect(thumb).ToHaveAttributeAsync("data-scrub-frame", "7");
        var sprite = await thumb.Locator(".vh-scrub-layer").EvaluateAsync<string>("e => e.style.backgroundImage");
        Assert.Contains("/spritesheet", sprite);

        await thumb.ClickAsync();
        await page.WaitForURLAsync($"**/projects/{projectId}/takes/**");
        await page.WaitForInteractiveAsync();
        var seekedTo = await page.Locator("#take-player").EvaluateAsync<double>("""
            v => new Promise((resolve, reject) => {
              const seek = () => { v.addEventListener('seeked', () => resolve(v.currentTime), { once: true }); v.currentTime = 2.5; };
              v.addEventListener('error', () => reject('video error ' + (v.error && v.error.code)));
              v.muted = true;
              if (v.readyState >= 1) seek(); else v.addEventListener('loadedmetadata', seek, { once: true });
            })
            """);
        Assert.InRange(seekedTo, 2.3, 2.7);
        await page.Locator("#take-player").EvaluateAsync("v => v.play()");
        await page.WaitForFunctionAsync("() => document.querySelector('#take-player').currentTime > 2.6");

        await page.Locator("#share-take").ClickAsync();
        await page.Locator("#share-password").FillAsync("swordfish");
        await page.Locator("#share-create").ClickAsync();
        var shareUrl = await page.Locator("#share-url").InputValueAsync();
        Assert.Contains("/share/", shareUrl);

        await using var stranger = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var visitor = await stranger.NewPageAsync();
        await visitor.GotoAsync(shareUrl);
        await Assertions.Expect(visitor.Locator("#share-locked")).ToBeVisibleAsync();
        await visitor.Locator("#share-password-input").FillAsync("not it");
        await visitor.Locator("#share-unlock").ClickAsync();
        await Assertions.Expect(visitor.Locator("#share-wrong-password")).ToBeVisibleAsync();
        await visitor.Locator("#share-password-input").FillAsync("swordfish");
        await visitor.Locator("#share-unlock").ClickAsync();
        await Assertions.Expect(visitor.Locator("[data-testid=shared-take]")).ToContainTextAsync("tall lighthouse");
        var duration = await visitor.Locator("[data-testid=shared-take] video").EvaluateAsync<double>("""
            v => new Promise((resolve, reject) => {
              v.addEventListener('error', () => reject('video error'));
              if (v.readyState >= 1) resolve(v.duration); else v.addEventListener('loadedmetadata', () => resolve(v.duration), { once: true });
            })
            """);
        Assert.InRange(duration, 3.5, 4.5);
        await visitor.ScreenshotAsync("share-unlocked");
        health.AssertClean();
    }

    private async Task<Guid> SeedAsync()
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == "curator@example.com").Select(u => u.Id).SingleAsync();
        var actor = new Actor(userId, "Curator", true);
        var projectId = (await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(actor, new ProjectInput { Name = "Coast", Brief = "" })).Value;
        await TakeAsync(scope.ServiceProvider, projectId, userId, "a wide lighthouse at dusk", 320, 180);
        await TakeAsync(scope.ServiceProvider, projectId, userId, "a tall lighthouse in fog", 180, 320);
        await TakeAsync(scope.ServiceProvider, projectId, userId, "a harbour at noon", 320, 180);
        return projectId;
    }

    private static async Task TakeAsync(IServiceProvider services, Guid projectId, string userId, string prompt, int width, int height)
    {
        var storage = services.GetRequiredService<IMediaStorage>();
        var probe = services.GetRequiredService<MediaProbe>();
        var now = DateTime.UtcNow;
        var request = new RenderRequest { ProjectId = projectId, AuthorId = userId, AuthorName = "Curator", Prompt = prompt, ProviderId = "local",
            Model = "sora-2", Size = $"{width}x{height}", Seconds = 4, State = RenderState.Ready, CreatedAt = now, UpdatedAt = now };
        var take = new Video { ProjectId = projectId, RenderRequestId = request.Id, ProviderId = "local", ProviderJobId = "e2e", Model = "sora-2",
            Prompt = prompt, Width = width, Height = height, DurationSeconds = 4, CreatedAt = now };
        take.StackId = take.Id;
        request.VideoId = take.Id;
        take.VideoKey = MediaKeys.For(projectId, take.Id, ContentVariant.Video);
        take.ThumbnailKey = MediaKeys.For(projectId, take.Id, ContentVariant.Thumbnail);
        take.SpritesheetKey = MediaKeys.For(projectId, take.Id, ContentVariant.Spritesheet);
        var video = storage.BeginWrite(take.VideoKey);
        await video.CloseAsync();
        await RunFfmpegAsync($"-y -f lavfi -i testsrc=duration=4:size={width}x{height}:rate=25 -pix_fmt yuv420p -c:v libx264 -preset ultrafast -movflags +faststart -f mp4 \"{video.TempPath}\"");
        var file = new FileInfo(video.TempPath);
        take.Bytes = file.Length;
        take.Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(file.FullName)));
        await video.CommitAsync();
        await video.DisposeAsync();
        var path = storage.GetFile(take.VideoKey)!.FullName;
        foreach (var (key, make) in new (string, Func<string, Task<bool>>)[]
        {
            (take.ThumbnailKey, o => probe.MakeThumbnailAsync(path, o, 4, CancellationToken.None)),
            (take.SpritesheetKey, o => probe.MakeSpritesheetAsync(path, o, 4, CancellationToken.None)),
        })
        {
            await using var write = storage.BeginWrite(key);
            await write.CloseAsync();
            Assert.True(await make(write.TempPath));
            await write.CommitAsync();
        }
        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        db.RenderRequests.Add(request);
        db.Videos.Add(take);
        await db.SaveChangesAsync();
    }

    private static async Task RunFfmpegAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", "-hide_banner -loglevel error " + arguments) { RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
    }
}
