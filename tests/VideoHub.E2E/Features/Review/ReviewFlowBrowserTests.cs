using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;

namespace VideoHub.E2E.Features.Review;

/// <summary>
/// A reviewer's round trip in Chromium over takes rendered by the real pipeline and local provider: a time-coded
/// comment, changes requested, the retake joining the stack, the retake approved and on top of the stack.
/// </summary>
public sealed class ReviewFlowBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Review_CommentAtATime_RequestChanges_Retake_ApproveTheRetake_SeeTheStack()
    {
        var olga = await app.CreateUserAsync("olga@example.com", "Olga Owner");
        var eva = await app.CreateUserAsync("eva@example.com", "Eva Editor");
        await app.CreateUserAsync("rui@example.com", "Rui Reviewer");
        Guid projectId;
        using (var scope = app.Services.CreateScope())
        {
            var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
            projectId = (await projects.CreateAsync(olga, new ProjectInput { Name = "Lighthouse Spot", Brief = "Night shots." })).Value;
            Assert.True((await projects.AddMemberAsync(olga, projectId, "eva@example.com", ProjectRole.Editor)).Succeeded);
            Assert.True((await projects.AddMemberAsync(olga, projectId, "rui@example.com", ProjectRole.Reviewer)).Succeeded);
        }
        var first = await RenderAsync(eva, projectId, "A lighthouse at night, beam sweeping over calm sea", null);

        // The reviewer finds the take in the queue and opens it.
        var page = await app.SignedInPageAsync("rui@example.com");
        var health = PageHealth.Watch(page, app);
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, m) => console.Enqueue($"{m.Type}: {m.Text}");
        page.PageError += (_, e) => console.Enqueue($"page error: {e}");
        await page.GotoAsync("/review");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator($"[data-testid=queue-item][data-take-id='{first}']")).ToBeVisibleAsync();
        await page.ScreenshotAsync("review-queue");
        await page.ClickAsync("#queue-open");
        await page.WaitForURLAsync(url => url.EndsWith($"/takes/{first}/review"));
        await page.WaitForInteractiveAsync();
        // The review page's own player (the queue's preview is #queue-video), loaded and bound to its script.
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('#review-video[data-player-handle]'); return v && v.readyState >= 1 && v.duration > 3; }");

        // Seek to 1.5 s and comment there: the comment and its marker carry exactly that time.
        await SeekAsync(page, 1.5);
        await Assertions.Expect(page.Locator("#player-time")).ToHaveAttributeAsync("data-time", "1.5");
        await page.FillAsync("#comment-text", "The beam flickers here @eva");
        await page.ClickAsync("#comment-send");
        var marker = page.Locator("[data-testid=comment-marker]");
        await Assertions.Expect(marker).ToHaveCountAsync(1);
        var players = await page.EvaluateAsync<string>("async () => (await import('/js/review-player.js')).describe()");
        Assert.True(await marker.GetAttributeAsync("data-time") == "1.5", $"Marker at {await marker.GetAttributeAsync("data-time")}; players {players}; console: {string.Join(" | ", console)}");
        await Assertions.Expect(page.Locator("[data-testid=comment]")).ToContainTextAsync("The beam flickers");
        await Assertions.Expect(page.Locator("[data-testid=comment-time]")).ToHaveTextAsync("0:01.500");

        // The comment's time code, its marker and the bar under the player all seek the player.
        await SeekAsync(page, 3);
        await page.ClickAsync("[data-testid=comment-time]");
        await WaitForTimeAsync(page, "1.5");
        await SeekAsync(page, 3);
        await marker.ClickAsync();
        await WaitForTimeAsync(page, "1.5");
        var bar = (await page.Locator("#comment-timeline").BoundingBoxAsync())!;
        await page.Locator("#comment-timeline").ClickAsync(new() { Position = new() { X = bar.Width * 0.75f, Y = bar.Height / 2 } });
        await WaitForTimeAsync(page, "v.duration * 0.75");
        await Assertions.Expect(page.Locator("[data-testid=playhead]")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex(@"left:7[45](\.\d+)?%"));

        // Request changes with a note.
        await page.ClickAsync("#decide-changes");
        await page.FillAsync("#decision-note", "Steady the beam, keep the sea calm");
        await page.ClickAsync("#decision-confirm");
        await Assertions.Expect(page.Locator("#decision-panel [data-testid=review-state]")).ToHaveAttributeAsync("data-state", "ChangesRequested");
        await Assertions.Expect(page.Locator("[data-testid=decision]")).ToContainTextAsync("Steady the beam");
        await page.ScreenshotAsync("review-take-changes-requested");

        // The editor sees the retake link to the lineage form.
        var editor = await app.SignedInPageAsync("eva@example.com");
        await editor.GotoAsync($"/projects/{projectId}/takes/{first}/review");
        await editor.WaitForInteractiveAsync();
        await Assertions.Expect(editor.Locator("#retake")).ToHaveAttributeAsync("href", $"/projects/{projectId}/takes/{first}/remix?retake=true");
        await Assertions.Expect(editor.Locator("#retake-edit")).ToHaveAttributeAsync("href", $"/projects/{projectId}/takes/{first}/edit?retake=true");

        // The retake (what the lineage form submits) renders and joins the stack.
        var retake = await RenderAsync(eva, projectId, "A lighthouse at night, steady beam over calm sea", first);
        using (var scope = app.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
            var row = await db.Videos.AsNoTracking().SingleAsync(v => v.Id == retake);
            Assert.Equal((first, (Guid?)first), (row.StackId, row.ParentVideoId));
        }

        // The reviewer approves the retake (the A shortcut) and sees it on top of the stack.
        await page.GotoAsync($"/projects/{projectId}/takes/{retake}/review");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=stack-item]")).ToHaveCountAsync(2);
        await page.Locator("#review-keys[data-bound='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("#take-prompt");
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator("#decision-panel [data-testid=review-state]")).ToHaveAttributeAsync("data-state", "Approved");
        var top = page.Locator("[data-testid=stack-item]").First;
        await Assertions.Expect(top).ToHaveAttributeAsync("data-take-id", retake.ToString());
        await Assertions.Expect(top.Locator("[data-testid=stack-top]")).ToContainTextAsync("Approved take");
        await Assertions.Expect(page.Locator("[data-testid=stack-item]").Nth(1)).ToHaveAttributeAsync("data-state", "ChangesRequested");
        await page.ScreenshotAsync("review-take-approved-stack");

        // Picking the older take puts it on top of the stack, marked, above the approved retake.
        await page.Locator("[data-testid=stack-item]").Nth(1).Locator("[data-testid=stack-pick]").ClickAsync();
        await Assertions.Expect(top).ToHaveAttributeAsync("data-take-id", first.ToString());
        await Assertions.Expect(top.Locator("[data-testid=stack-top]")).ToContainTextAsync("Picked");
        await Assertions.Expect(page.Locator("[data-testid=stack-item]").Nth(1)).ToHaveAttributeAsync("data-state", "Approved");

        // The older take is one click away, and the two compare side by side.
        await page.ClickAsync("[data-testid=stack-compare]");
        await page.WaitForURLAsync(url => url.Contains("/compare?"));
        await page.WaitForInteractiveAsync();
        // The compare link puts this take (the retake) as A and the older take as B.
        await Assertions.Expect(page.Locator("[data-testid=diff-part][data-kind=Removed]")).ToContainTextAsync("steady");
        await Assertions.Expect(page.Locator("[data-testid=diff-part][data-kind=Added]")).ToContainTextAsync("sweeping");
        await page.ScreenshotAsync("review-compare");
        health.AssertClean();
    }

    private static async Task SeekAsync(IPage page, double seconds)
    {
        var t = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.EvaluateAsync($"() => document.querySelector('#review-video').currentTime = {t}");
        await WaitForTimeAsync(page, t);
    }

    /// <summary>Waits until the review player has finished seeking to <paramref name="expression"/> (JS over the video v).</summary>
    private static Task WaitForTimeAsync(IPage page, string expression) =>
        page.WaitForFunctionAsync($"() => {{ const v = document.querySelector('#review-video'); return !v.seeking && Math.abs(v.currentTime - ({expression})) < 0.05; }}");

    private async Task<Guid> RenderAsync(Actor author, Guid projectId, string prompt, Guid? parent)
    {
        Guid requestId;
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<RenderRequestService>().CreateAsync(author, new NewRenderRequest(
                projectId, parent is null ? RenderOperation.Create : RenderOperation.Remix, prompt, "local", "sora-2", "1280x720", 4,
                PreCheckVerdict.Allowed, """{"findings":[],"estimatedCost":0.4,"needsApproval":false}""", ParentVideoId: parent));
            Assert.True(created.Succeeded, created.Message);
            requestId = created.Value!.Id;
        }
        // The scheduler renders it through the local provider; wait for the take (the deadline only guards a hang).
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            using var scope = app.Services.CreateScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
            var row = await db.RenderRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
            Assert.NotEqual(RenderState.Failed, row.State);
            if (row.State == RenderState.Ready) return row.VideoId!.Value;
            await Task.Delay(200, deadline.Token);
        }
    }
}
