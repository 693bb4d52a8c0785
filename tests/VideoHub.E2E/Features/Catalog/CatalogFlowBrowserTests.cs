using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.E2E.Features.Catalog;

/// <summary>An editor adds a character from a real clip, uses it with @ in a request, and finds the render in the item's usage.</summary>
public sealed class CatalogFlowBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task CreateItemFromClip_MentionItInARequest_RenderFinishes_AndTheItemListsTheRender()
    {
        var ana = await app.CreateUserAsync("cat@example.com", "Cat Editor");
        var projectId = await app.CreateProjectAsync(ana, "Pier Stories", "Harbour shorts.");
        var clip = await MakeClipAsync();
        var page = await app.SignedInPageAsync("cat@example.com");
        var health = PageHealth.Watch(page, app);

        await page.GotoAsync("/catalog/new");
        await page.Locator("#clip-upload[data-interactive='true']").WaitForAsync();
        await page.Locator("#clip-upload input[type=file]").SetInputFilesAsync(clip);
        await Assertions.Expect(page.Locator("#clip-ok")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.FillAsync("#item-name", "Nova");
        await page.FillAsync("#item-description", "A small silver robot");
        await page.FillAsync("#rights-holder", "Nova Studio");
        await page.ClickAsync("#save-item");
        await page.WaitForURLAsync(url => url.Contains("/catalog/") && !url.EndsWith("/new"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#item-title")).ToHaveTextAsync("Nova");
        // The scheduler registers the clip with the local provider; reload until it shows as registered.
        for (var i = 0; i < 60 && await page.Locator("[data-testid=registration][data-status=Registered]").CountAsync() == 0; i++)
        {
            await page.WaitForTimeoutAsync(1000);
            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
        }
        await Assertions.Expect(page.Locator("[data-testid=registration][data-status=Registered]")).ToHaveCountAsync(1);
        var itemUrl = page.Url;
        await page.ScreenshotAsync("catalog-item");

        await page.GotoAsync($"/projects/{projectId}/requests/new");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#prompt", "A wide shot of the pier at dawn as @No");
        await page.Locator("[data-testid=mention-option][data-name=Nova]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=attached-item][data-name=Nova]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#prompt")).ToHaveValueAsync("A wide shot of the pier at dawn as Nova ");
        await page.ScreenshotAsync("catalog-mention");
        // Click Submit straight after typing, as people do: leaving the prompt commits the last keystrokes and starts
        // a pre-check while the click is on its way; the click must still submit what was typed.
        await page.Locator("#prompt").PressSequentiallyAsync("walks slowly");
        await page.ClickAsync("#submit-request");
        await page.WaitForURLAsync(url => url.Contains("/requests/") && !url.EndsWith("/new"));
        await page.WaitForInteractiveAsync();
        var requestId = Guid.Parse(new Uri(page.Url).Segments[^1]);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync())
        {
            var request = await db.RenderRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
            Assert.Equal("A wide shot of the pier at dawn as Nova walks slowly", request.Prompt);
            var pin = await db.RenderRequestCatalogItems.AsNoTracking().SingleAsync(p => p.RenderRequestId == requestId);
            var nova = await db.CatalogItems.AsNoTracking().SingleAsync(i => i.Name == "Nova");
            Assert.Equal((nova.Id, nova.CurrentVersionId, "Nova"), (pin.CatalogItemId, (Guid?)pin.CatalogItemVersionId, pin.Name));
            Assert.False(string.IsNullOrEmpty(pin.ProviderCharacterId));
        }
        await Assertions.Expect(page.Locator("[data-testid=state-chip][data-state=Ready]")).ToHaveCountAsync(1, new() { Timeout = 90_000 });

        await page.GotoAsync(itemUrl);
        await page.WaitForInteractiveAsync();
        var usage = page.Locator("[data-testid=usage-row]");
        await Assertions.Expect(usage).ToHaveCountAsync(1);
        await Assertions.Expect(usage).ToContainTextAsync("Pier Stories");
        await Assertions.Expect(usage).ToHaveAttributeAsync("data-version", "1");
        await page.ScreenshotAsync("catalog-item-usage");
        health.AssertClean();
    }

    [Fact]
    public async Task NewItemForm_WrongInputs_EachSaysWhy_AndStoresNothing()
    {
        var ed = await app.CreateUserAsync("wrong@example.com", "Wrong Inputs");
        await app.CreateProjectAsync(ed, "Bad Input Lab", "");
        var folder = Path.Combine(Path.GetTempPath(), "videohub-e2e", "bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var renamedText = Path.Combine(folder, "notes.mp4");
        await File.WriteAllTextAsync(renamedText, "These are meeting notes, not a video.");
        var huge = Path.Combine(folder, "huge.mp4");
        await using (var file = File.Create(huge)) file.SetLength(51L * 1024 * 1024);
        var page = await app.SignedInPageAsync("wrong@example.com");
        await page.GotoAsync("/catalog/new");
        await page.Locator("#clip-upload[data-interactive='true']").WaitForAsync();
        // MudFileUpload adds a fresh file input after each pick: always use the newest.
        var upload = page.Locator("#clip-upload input[type=file]").Last;

        await upload.SetInputFilesAsync(renamedText);
        await Assertions.Expect(page.Locator("#clip-error")).ToContainTextAsync("is not a video", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#save-item")).ToBeDisabledAsync();

        await upload.SetInputFilesAsync(huge);
        await Assertions.Expect(page.Locator("#clip-error")).ToContainTextAsync("larger than the 50 MB limit", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#save-item")).ToBeDisabledAsync();

        await upload.SetInputFilesAsync(await MakeClipAsync());
        await Assertions.Expect(page.Locator("#clip-ok")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.FillAsync("#rights-holder", "Orbit Studio");
        await page.ClickAsync("#save-item");
        await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync("Give the item a name");

        await page.FillAsync("#item-name", "Orbit");
        var expiry = page.Locator("input#rights-expiry, #rights-expiry input").First;
        await expiry.FillAsync("2020-01-31");
        await expiry.PressAsync("Tab");
        await page.ClickAsync("#save-item");
        await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync("2020-01-31 is in the past");
        await page.ScreenshotAsync("catalog-wrong-inputs");

        Assert.EndsWith("/catalog/new", page.Url, StringComparison.Ordinal);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        Assert.False(await db.CatalogItems.AnyAsync(i => i.Name == "Orbit"));
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> MakeClipAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "videohub-e2e", $"nova-{Guid.NewGuid():N}.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            $"-hide_banner -loglevel error -y -f lavfi -i testsrc2=size=1280x720:rate=25 -t 3 -c:v libx264 -preset veryfast -crf 30 -pix_fmt yuv420p \"{path}\"")
            { RedirectStandardError = true })!;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
        return path;
    }
}
