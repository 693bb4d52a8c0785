using Microsoft.Playwright;

namespace VideoHub.E2E.Features.Batches;

/// <summary>A batch from a CSV file in Chromium: preview with per-line findings, create without the failing row, watch it finish, download its report.</summary>
public sealed class BatchFlowBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task CsvWithABlockedRow_IsPreviewedByLine_ThenTheGoodRowsRenderAndTheReportListsThem()
    {
        var owner = await app.CreateUserAsync("bea@example.com", "Bea Costa");
        var projectId = await app.CreateProjectAsync(owner, "Night Ferry", "Lights on water.");
        var page = await app.SignedInPageAsync("bea@example.com");
        var health = PageHealth.Watch(page, app);
        var csv = Path.Combine(Path.GetTempPath(), $"ferry-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "custom_id,prompt,model,size,seconds\n" +
            "ferry-1,A ferry leaves the pier at night,sora-2,1280x720,4\n" +
            "ferry-2,Mickey Mouse waves from the deck,sora-2,1280x720,4\n" +
            "ferry-3,\"Harbour lights, slow pan\",sora-2,720x1280,4\n");

        await page.GotoAsync($"/projects/{projectId}/batches/new");
        await page.WaitForInteractiveAsync();
        // As a user does it: the button opens the file chooser (through the circuit, so the upload input is ready).
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.ClickAsync("#pick-file"));
        await chooser.SetFilesAsync(csv);
        await Assertions.Expect(page.Locator("#file-name")).ToContainTextAsync(Path.GetFileName(csv));
        await page.ClickAsync("#preview-batch");
        await Assertions.Expect(page.Locator("#preview-runnable")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#preview-failing")).ToHaveTextAsync("1");
        var issue = page.Locator("[data-testid=preview-issue][data-severity=Block]");
        await Assertions.Expect(issue).ToHaveAttributeAsync("data-line", "3");
        await Assertions.Expect(issue).ToContainTextAsync("“Mickey Mouse” is a copyrighted character");
        await Assertions.Expect(page.Locator("#create-batch")).ToBeDisabledAsync();
        await page.ScreenshotAsync("batches-preview");

        await page.Locator("#drop-failing").ClickAsync();
        await Assertions.Expect(page.Locator("#create-batch")).ToBeEnabledAsync();
        await page.ClickAsync("#create-batch");
        await page.WaitForURLAsync(url => url.Contains("/batches/") && !url.EndsWith("/new"));
        await page.WaitForInteractiveAsync();

        // The page follows the renders live: no reload until the batch has completed.
        await Assertions.Expect(page.Locator("[data-testid=batch-status]")).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = 180_000 });
        await Assertions.Expect(page.Locator("[data-testid=state-count][data-state=Ready]")).ToHaveAttributeAsync("data-count", "2");
        await Assertions.Expect(page.Locator("[data-testid=batch-row-item][data-state=Ready]")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("batches-completed");

        var batchPath = new Uri(page.Url).AbsolutePath;
        var report = await page.Context.APIRequest.GetAsync(batchPath + "/download/report");
        Assert.Equal(200, report.Status);
        var lines = (await report.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("2,ferry-1,1,Ready,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("4,ferry-3,1,Ready,", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#review-batch")).ToHaveAttributeAsync("href", $"/review?batch={batchPath.Split('/').Last()}");
        File.Delete(csv);
        health.AssertClean();
    }
}
