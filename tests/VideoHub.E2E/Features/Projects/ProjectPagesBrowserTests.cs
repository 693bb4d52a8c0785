using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.E2E.Features.Projects;

/// <summary>A project owner's path through the real app in Chromium: dashboard, list, create, members, settings.</summary>
public sealed class ProjectPagesBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Owner_CreatesProject_AddsMember_AndSeesSettingsErrors()
    {
        var ana = await app.CreateUserAsync("ana@example.com", "Ana Lima");
        var bo = await app.CreateUserAsync("bo@example.com", "Bo Chen");
        await app.CreateUserAsync("cy@example.com", "Cy Park");
        await SeedAsync(ana, bo);
        var page = await app.SignedInPageAsync("ana@example.com");
        var health = PageHealth.Watch(page, app);
        await Assertions.Expect(page.Locator("#greeting")).ToContainTextAsync("Welcome back, Ana Lima");
        await Assertions.Expect(page.Locator("[data-testid=activity-item]").First).ToContainTextAsync("Ana Lima");
        await page.ScreenshotAsync("projects-dashboard");

        await page.GotoAsync("/projects");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=project-card]")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("projects-list");

        await page.ClickAsync("#new-project");
        await page.FillAsync("#new-project-name", "summer trailer");
        await page.ClickAsync("#create-project");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("There is already a project called");
        await page.ScreenshotAsync("projects-create-dialog");
        await page.FillAsync("#new-project-name", "Autumn Promo");
        await page.FillAsync("#new-project-brief", "Warm colours, slow pans over orchards. 9:16 for social.");
        await page.ClickAsync("#create-project");
        await Assertions.Expect(page.Locator("#project-name")).ToHaveTextAsync("Autumn Promo");
        await page.ScreenshotAsync("projects-overview-new");

        await page.ClickAsync("#tab-members");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#member-email", "nobody@example.com");
        await page.ClickAsync("#add-member");
        await Assertions.Expect(page.Locator("#add-member-form")).ToContainTextAsync("No user has the address nobody@example.com");
        await page.FillAsync("#member-email", "bo@example.com");
        await page.ClickAsync("#add-member");
        await Assertions.Expect(page.Locator("#members-table")).ToContainTextAsync("bo@example.com");
        await page.ScreenshotAsync("projects-members");
        await page.ClickAsync("[data-testid='role-bo@example.com'] button");
        await page.ClickAsync("text=Make Reviewer");
        await Assertions.Expect(page.Locator("[data-testid='role-bo@example.com']")).ToContainTextAsync("Reviewer");
        await page.ClickAsync("[data-testid='role-ana@example.com'] button");
        await page.ClickAsync("text=Make Viewer");
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("at least one owner");
        await Assertions.Expect(page.Locator("[data-testid='role-ana@example.com']")).ToContainTextAsync("Owner");

        await page.ClickAsync("#tab-settings");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#monthly-budget", "-5");
        await page.ClickAsync("#save-settings");
        await Assertions.Expect(page.Locator("#settings-form")).ToContainTextAsync("The monthly budget must be between 0");
        await page.ScreenshotAsync("projects-settings-error");

        await page.GotoAsync("/projects");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("text=Summer Trailer");
        await Assertions.Expect(page.Locator("#project-name")).ToHaveTextAsync("Summer Trailer");
        await page.ScreenshotAsync("projects-overview");

        await page.GotoAsync("/projects");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("#show-archived");
        await page.ClickAsync("text=Spring Spot 2025");
        await Assertions.Expect(page.Locator("#archived-banner")).ToContainTextAsync("read-only");
        await Assertions.Expect(page.Locator("#edit-project")).ToHaveCountAsync(0);
        await page.WaitForInteractiveAsync();
        await page.ScreenshotAsync("projects-overview-archived");
        await page.ClickAsync("#restore-project");
        await Assertions.Expect(page.Locator("#archived-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#edit-project")).ToBeVisibleAsync();
        health.AssertClean();
    }

    [Fact]
    public async Task NewUser_SeesFriendlyEmptyStates_AndViewerSeesNoOwnerControls()
    {
        await app.CreateUserAsync("dee@example.com", "Dee New");
        var owner = await app.CreateUserAsync("eve@example.com", "Eve Owner");
        await app.CreateUserAsync("fay@example.com", "Fay Viewer", darkMode: true);
        Guid id;
        using (var scope = app.Services.CreateScope())
        {
            var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
            id = (await projects.CreateAsync(owner, new ProjectInput { Name = "Viewer Demo", Brief = "Read-only for Fay." })).Value;
            await projects.AddMemberAsync(owner, id, "fay@example.com", ProjectRole.Viewer);
        }

        var page = await app.SignedInPageAsync("dee@example.com");
        await Assertions.Expect(page.Locator("#dashboard-no-projects")).ToContainTextAsync("No projects yet");
        await page.ScreenshotAsync("projects-dashboard-empty");
        await page.GotoAsync("/projects");
        await Assertions.Expect(page.Locator("#projects-empty")).ToContainTextAsync("No projects yet — create the first one");
        await page.ScreenshotAsync("projects-list-empty");
        var response = await page.GotoAsync($"/projects/{id}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();

        var viewer = await app.SignedInPageAsync("fay@example.com");
        await viewer.GotoAsync($"/projects/{id}/members");
        await viewer.WaitForInteractiveAsync();
        await Assertions.Expect(viewer.Locator("#members-table")).ToContainTextAsync("eve@example.com");
        await Assertions.Expect(viewer.Locator("#tab-settings")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Locator("#add-member-form")).ToHaveCountAsync(0);
        await viewer.ScreenshotAsync("projects-members-viewer-dark");
        await viewer.GotoAsync("/");
        await Assertions.Expect(viewer.Locator("[data-testid=project-card]")).ToContainTextAsync("Viewer Demo");
        await viewer.ScreenshotAsync("projects-dashboard-dark");
    }

    private async Task SeedAsync(Actor ana, Actor bo)
    {
        using var scope = app.Services.CreateScope();
        var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
        var trailer = (await projects.CreateAsync(ana, new ProjectInput
        {
            Name = "Summer Trailer",
            Brief = "A 60-second trailer for the summer collection.\nBright, fast cuts, beach light, no real people's faces.",
        })).Value;
        await projects.AddMemberAsync(ana, trailer, "bo@example.com", ProjectRole.Editor);
        await projects.AddMemberAsync(ana, trailer, "cy@example.com", ProjectRole.Reviewer);
        await projects.UpdateSettingsAsync(ana, trailer, new ProjectSettings
        {
            DefaultModel = "sora-2-pro", DefaultSize = "1920x1080", DefaultSeconds = 8,
            MonthlyBudgetUsd = 500, ApprovalThresholdUsd = 20, ApprovalsRequired = 2,
        });
        var teaser = (await projects.CreateAsync(bo, new ProjectInput { Name = "Winter Teaser", Brief = "Snow, slow motion." })).Value;
        await projects.AddMemberAsync(bo, teaser, "ana@example.com", ProjectRole.Viewer);
        var old = (await projects.CreateAsync(ana, new ProjectInput { Name = "Spring Spot 2025" })).Value;
        await projects.ArchiveAsync(ana, old);
    }
}
