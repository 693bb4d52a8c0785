using Microsoft.Playwright;

namespace VideoHub.E2E.Features.Requests;

/// <summary>An editor's render request in Chromium, through the real pre-check, render pipeline and local provider.</summary>
public sealed class RequestFlowBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task BlockedPrompt_IsHighlighted_ThenTheFixedPromptRenders_AndTheTakePlays()
    {
        var ana = await app.CreateUserAsync("ana@example.com", "Ana Lima");
        var projectId = await app.CreateProjectAsync(ana, "Harbour Spot", "Quiet mornings.");
        var page = await app.SignedInPageAsync("ana@example.com");
        var health = PageHealth.Watch(page, app);

        await page.GotoAsync($"/projects/{projectId}/requests/new");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#prompt", "Mickey Mouse walks along a harbour at dawn, slow dolly in");
        await Assertions.Expect(page.Locator("#prompt-preview mark")).ToHaveTextAsync("Mickey Mouse");
        await Assertions.Expect(page.Locator("[data-testid=finding]").First).ToContainTextAsync("Copyrighted character");
        await Assertions.Expect(page.Locator("#submit-request")).ToBeDisabledAsync();
        await page.ScreenshotAsync("requests-form-blocked");

        await page.FillAsync("#prompt", "A cartoon mouse in red shorts walks along a harbour at dawn, slow dolly in");
        await Assertions.Expect(page.Locator("#prompt-preview mark")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#submit-request")).ToBeEnabledAsync();
        await page.ClickAsync("#submit-request");
        await page.WaitForURLAsync(url => url.Contains("/requests/") && !url.EndsWith("/new"));
        await page.WaitForInteractiveAsync();

        // The bar is shown while the render is on its way and moves (or completes) without a reload.
        var progress = page.Locator("[data-testid=progress]");
        await Assertions.Expect(progress).ToBeVisibleAsync();
        var seen = new SortedSet<int>();
        while (await page.Locator("[data-testid=state-chip][data-state=Ready]").CountAsync() == 0)
        {
            Assert.Equal(0, await page.Locator("[data-testid=state-chip][data-state=Failed]").CountAsync());
            if (await progress.CountAsync() > 0 && await progress.GetAttributeAsync("data-progress") is { } p) seen.Add(int.Parse(p));
            await page.WaitForTimeoutAsync(100);
        }
        Assert.NotEmpty(seen);
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).Not.ToHaveCountAsync(0);

        var take = page.Locator("video#take");
        await Assertions.Expect(take).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('#take'); return v && v.readyState >= 1 && v.duration > 3; }");
        var duration = await page.EvaluateAsync<double>("() => document.querySelector('#take').duration");
        Assert.InRange(duration, 3.5, 4.5);
        await page.EvaluateAsync("async () => { const v = document.querySelector('#take'); v.muted = true; await v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('#take').currentTime > 0.5");
        await page.ScreenshotAsync("requests-request-playing");

        await page.ClickAsync("#tab-requests");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=request-row]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=request-row] [data-testid=state-chip]")).ToHaveAttributeAsync("data-state", "Ready");
        await page.ScreenshotAsync("requests-list");
        health.AssertClean();
    }

    [Fact]
    public async Task ImageReference_ShowsOneChip_ClearingRemovesIt_AndAFakeImageIsRefused()
    {
        var ivo = await app.CreateUserAsync("ivo@example.com", "Ivo Image");
        var projectId = await app.CreateProjectAsync(ivo, "First Frames", "Stills to motion.");
        var page = await app.SignedInPageAsync("ivo@example.com");
        var health = PageHealth.Watch(page, app);
        await page.GotoAsync($"/projects/{projectId}/requests/new");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#prompt", "The harbour wakes up, boats start to move");

        var folder = Directory.CreateTempSubdirectory("videohub-e2e-image-").FullName;
        var png = Path.Combine(folder, "harbour.png");
        using (var ffmpeg = System.Diagnostics.Process.Start("ffmpeg", $"-y -loglevel error -f lavfi -i testsrc2=size=1280x720 -frames:v 1 \"{png}\"")!)
            await ffmpeg.WaitForExitAsync();
        await page.Locator("#image-reference input[type=file]").First.SetInputFilesAsync(png);
        // One chip names the picked file; MudFileUpload's own list stays hidden.
        await Assertions.Expect(page.Locator("#image-name")).ToHaveTextAsync("harbour.png");
        await Assertions.Expect(page.Locator("#image-reference .mud-chip:visible")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#submit-request")).ToBeEnabledAsync();
        await page.ScreenshotAsync("requests-image-reference");

        await page.Locator("#image-name .mud-chip-close-button").ClickAsync();
        await Assertions.Expect(page.Locator("#image-reference .mud-chip:visible")).ToHaveCountAsync(0);

        // A text file named like a picture is checked by its content, not its name.
        var fake = Path.Combine(folder, "not-a-picture.png");
        await File.WriteAllTextAsync(fake, "this is text, not an image");
        await page.Locator("#image-reference input[type=file]").First.SetInputFilesAsync(fake);
        await Assertions.Expect(page.Locator("[data-testid=finding]").First).ToContainTextAsync("image", new() { IgnoreCase = true });
        await Assertions.Expect(page.Locator("#submit-request")).ToBeDisabledAsync();
        await page.ScreenshotAsync("requests-image-refused");
        health.AssertClean();
        Directory.Delete(folder, recursive: true);
    }
}
