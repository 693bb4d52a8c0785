using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoHub.Data;
using VideoHub.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace VideoHub.E2E.Admin;

/// <summary>An administrator uses the three admin pages in a real browser; screenshots in light and dark land in the screenshot folder.</summary>
public sealed class AdminPagesTests(AppFixture app) : IClassFixture<AppFixture>
{

    [Fact]
    public async Task Admin_CreatesAUser_SeesItAudited_AndChecksTheSystem()
    {
        await app.CreateAdminAsync("root@example.com", "Rita Root");
        var page = await app.NewPageAsync();
        await page.SignInAsync("root@example.com");

        await page.GotoAsync("/admin/users");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=user-row]")).ToHaveCountAsync(1);
        await page.ClickAsync("#new-user");
        await page.FillAsync("#new-user-email", "new.person@example.com");
        await page.FillAsync("#new-user-name", "Nora Newman");
        await page.FillAsync("#new-user-password", "password1");
        await page.ClickAsync("#create-user-submit");
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("commonly used passwords");
        await page.ScreenshotAsync("admin-users-create-error");
        await page.FillAsync("#new-user-password", "a long and fine passphrase");
        await page.ClickAsync("#create-user-submit");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Created Nora Newman");
        await Expect(page.Locator("[data-testid=user-row]")).ToHaveCountAsync(2);

        var nora = page.Locator("tr", new() { HasText = "Nora Newman" });
        await nora.Locator("[data-testid=user-actions] button").ClickAsync();
        await page.ClickAsync("[data-testid=action-disable]");
        await Expect(page.Locator("#confirm-message")).ToHaveTextAsync("Disable Nora Newman (new.person@example.com)?");
        await page.ScreenshotAsync("admin-users-confirm");
        await page.ClickAsync("#confirm-ok");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Disabled Nora Newman" })).ToHaveCountAsync(1);
        await Expect(nora.Locator("[data-testid=status]")).ToHaveTextAsync("Disabled");
        await nora.Locator("[data-testid=user-actions] button").ClickAsync();
        await page.ClickAsync("[data-testid=action-reset-password]");
        await page.ClickAsync("#reset-password-generate");
        await Expect(page.Locator("#reset-password-value")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^([a-z2-9]{5}-){3}[a-z2-9]{5}$"));
        await page.ScreenshotAsync("admin-users-reset-password");
        await page.ClickAsync("#reset-password-submit");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Set a new password for Nora Newman" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync("admin-users-light");

        await page.GotoAsync("/admin/audit");
        await page.WaitForInteractiveAsync();
        var rows = page.Locator("#audit-grid [data-testid=audit-summary]");
        await Expect(rows).ToHaveTextAsync(["Reset the password of new.person@example.com",
            "Disabled user new.person@example.com", "Created user new.person@example.com", "root@example.com signed in (password)"]);
        await page.FillAsync("#filter-text", "created user");
        await Expect(rows).ToHaveTextAsync(["Created user new.person@example.com"]);
        var created = page.Locator("tr", new() { HasText = "Created user new.person@example.com" });
        await created.Locator("button").First.ClickAsync();
        await Expect(page.Locator("[data-testid=audit-after]")).ToContainTextAsync("\"displayName\": \"Nora Newman\"");
        await page.ScreenshotAsync("admin-audit-light");

        await page.GotoAsync("/admin/system");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#overall-status")).ToContainTextAsync("Everything is healthy");
        await Expect(page.Locator("[data-testid=check-status]")).ToHaveTextAsync(["Healthy", "Healthy", "Healthy"]);
        await page.ClickAsync("#run-checks");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("All checks passed");
        await page.ScreenshotAsync("admin-system-light");

        var lightBackground = await BackgroundAsync(page);
        await page.ClickAsync("#theme-toggle");
        foreach (var (path, name) in new[] { ("/admin/users", "users"), ("/admin/audit", "audit"), ("/admin/system", "system") })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.NotEqual(lightBackground, await BackgroundAsync(page));
            if (name == "audit") await page.Locator("tr", new() { HasText = "Disabled user" }).Locator("button").First.ClickAsync();
            await page.ScreenshotAsync($"admin-{name}-dark");
        }
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
