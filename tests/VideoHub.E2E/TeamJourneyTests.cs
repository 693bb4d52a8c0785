using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VideoHub.E2E;

/// <summary>A newcomer's first hour, only through the browser: install, people, a project, and who sees it.</summary>
public sealed class TeamJourneyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string AdminPassword = "tangerine orbit quietly";
    private const string MemberPassword = "seven paper kites drifting";

    [Fact]
    public async Task FirstAdmin_CreatesPeopleAndProject_MemberSeesIt_OutsiderGets404()
    {
        var admin = await app.NewPageAsync();
        await admin.GotoAsync("/");
        await admin.FillAsync("#Input\\.Email", "lead@studio.test");
        await admin.FillAsync("#Input\\.DisplayName", "Lena Lead");
        await admin.FillAsync("#Input\\.Password", AdminPassword);
        await admin.FillAsync("#Input\\.ConfirmPassword", AdminPassword);
        await admin.ClickAsync("#setup-submit");
        await admin.WaitForInteractiveAsync();
        await Expect(admin.Locator("#greeting")).ToContainTextAsync("Lena Lead");

        await admin.GotoAsync("/admin/users");
        await admin.WaitForInteractiveAsync();
        await CreateUserAsync(admin, "mo@studio.test", "Mo Member");
        await CreateUserAsync(admin, "ox@studio.test", "Ox Outsider");
        await admin.ScreenshotAsync("journey-admin-users");

        await admin.GotoAsync("/projects");
        await admin.WaitForInteractiveAsync();
        await admin.ClickAsync("#new-project");
        await admin.FillAsync("#new-project-name", "Launch Film");
        await admin.FillAsync("#new-project-brief", "Sixty seconds, 16:9, warm light.");
        await admin.ClickAsync("#create-project");
        await Expect(admin.Locator("#project-name")).ToHaveTextAsync("Launch Film");
        var projectUrl = new Uri(admin.Url).AbsolutePath;
        await admin.ScreenshotAsync("journey-project-overview");

        await admin.ClickAsync("#tab-members");
        await admin.WaitForInteractiveAsync();
        await admin.FillAsync("#member-email", "mo@studio.test");
        await admin.ClickAsync("#add-member");
        await Expect(admin.Locator("#members-table")).ToContainTextAsync("mo@studio.test");
        await admin.ScreenshotAsync("journey-project-members");

        var member = await SignInAsync("mo@studio.test");
        await Expect(member.Locator("#greeting")).ToContainTextAsync("Mo Member");
        await Expect(member.Locator("[data-testid=project-card]")).ToContainTextAsync("Launch Film");
        await member.ScreenshotAsync("journey-member-dashboard");
        var response = await member.GotoAsync(projectUrl);
        Assert.Equal(200, response!.Status);
        await Expect(member.Locator("#project-name")).ToHaveTextAsync("Launch Film");
        await Expect(member.Locator("#tab-settings")).ToHaveCountAsync(0);

        var outsider = await SignInAsync("ox@studio.test");
        await Expect(outsider.Locator("[data-testid=project-card]")).ToHaveCountAsync(0);
        response = await outsider.GotoAsync(projectUrl);
        Assert.Equal(404, response!.Status);
        await Expect(outsider.Locator("#not-found")).ToBeVisibleAsync();
        Assert.DoesNotContain("Launch Film", await outsider.ContentAsync());
        await outsider.ScreenshotAsync("journey-outsider-404");
    }

    private static async Task CreateUserAsync(IPage page, string email, string name)
    {
        await page.ClickAsync("#new-user");
        await page.FillAsync("#new-user-email", email);
        await page.FillAsync("#new-user-name", name);
        await page.FillAsync("#new-user-password", MemberPassword);
        await page.ClickAsync("#create-user-submit");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = $"Created {name}" })).ToHaveCountAsync(1);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", MemberPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        await page.WaitForInteractiveAsync();
        return page;
    }
}
