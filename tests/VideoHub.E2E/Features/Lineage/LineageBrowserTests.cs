using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Features.Requests;

namespace VideoHub.E2E.Features.Lineage;

/// <summary>Extending a take twice in Chromium, through the real pre-check, jobs and local provider, then its lineage tree.</summary>
public sealed class LineageBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ExtendATakeTwice_ThenTheLineageShowsTheChainOfThree_WithTheTotalLength()
    {
        var eli = await app.CreateUserAsync("eli@example.com", "Eli Park");
        var projectId = await app.CreateProjectAsync(eli, "Night Train", "One long shot.");
        var root = await FirstTakeAsync(eli, projectId);
        var page = await app.SignedInPageAsync("eli@example.com");
        var health = PageHealth.Watch(page, app);

        var first = await ExtendInBrowserAsync(page, projectId, root, "the train crosses a bridge over a river", expectedTotal: 8);
        var second = await ExtendInBrowserAsync(page, projectId, first, "the train enters a tunnel and the screen goes dark", expectedTotal: 12);

        await page.GotoAsync($"/projects/{projectId}/takes/{second}/lineage");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=lineage-node]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=lineage-node][aria-current=page]")).ToHaveAttributeAsync("data-video", second.ToString());
        await Assertions.Expect(page.Locator("#chain-length")).ToContainTextAsync("12 s");
        await Assertions.Expect(page.Locator("#extension-count")).ToHaveAttributeAsync("data-count", "2");
        await Assertions.Expect(page.Locator("[data-testid=lineage-node][data-operation=Extend]")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("lineage-tree");

        await page.ClickAsync($"#node-{root}");
        await page.WaitForURLAsync(url => url.EndsWith($"/takes/{root}/lineage"));
        await Assertions.Expect(page.Locator("[data-testid=lineage-node][aria-current=page]")).ToHaveAttributeAsync("data-video", root.ToString());
        await Assertions.Expect(page.Locator("#extension-count")).ToHaveAttributeAsync("data-count", "0");
        health.AssertClean();
    }

    private async Task<Guid> ExtendInBrowserAsync(IPage page, Guid projectId, Guid source, string prompt, int expectedTotal)
    {
        await page.GotoAsync($"/projects/{projectId}/takes/{source}/extend");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#prompt", prompt);
        await Assertions.Expect(page.Locator("#resulting-length")).ToHaveAttributeAsync("data-total", expectedTotal.ToString());
        await Assertions.Expect(page.Locator("#submit-derive")).ToBeEnabledAsync();
        await page.ScreenshotAsync($"lineage-extend-{expectedTotal}");
        await page.ClickAsync("#submit-derive");
        await page.WaitForURLAsync(url => url.Contains("/requests/"));
        var requestId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=state-chip][data-state=Ready]").First).ToBeVisibleAsync(new() { Timeout = 90_000 });
        return await TakeOfAsync(requestId);
    }

    private async Task<Guid> FirstTakeAsync(Actor author, Guid projectId)
    {
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RequestFormService>().SubmitAsync(author, projectId, new RequestFormInput
        {
            ProviderId = "local", Model = "sora-2", Size = "1280x720", Seconds = 4, Prompt = "a night train waits at a platform",
        });
        Assert.True(outcome.Succeeded, outcome.Error);
        return await TakeOfAsync(outcome.RequestId!.Value);
    }

    /// <summary>The take of a request, once the scheduler's jobs have made it.</summary>
    private async Task<Guid> TakeOfAsync(Guid requestId)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var row = await db.RenderRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => new { r.State, r.VideoId }).SingleAsync();
            Assert.NotEqual(RenderState.Failed, row.State);
            if (row.State == RenderState.Ready) return row.VideoId!.Value;
            await Task.Delay(200, deadline.Token);
        }
    }
}
