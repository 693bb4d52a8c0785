using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoHub.Data;
using VideoHub.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace VideoHub.E2E.Admin;

/// <summary>An administrator tries a prompt against the content rules and adds a rule, in a real browser.</summary>
public sealed class PolicyPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Admin_TriesAPrompt_SeesTheMatchHighlighted_AndAddsARule()
    {
        await CreateAdminAsync("policy.admin@example.com");
        var page = await app.NewPageAsync();
        await SignInAsync(page, "policy.admin@example.com");

        await page.GotoAsync("/admin/policy");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#try-prompt-text", "M1ck3y dances with a robot, framed like Wes Anderson would.");
        await page.ClickAsync("#try-prompt-check");
        var marks = page.Locator("[data-testid=highlight]");
        await Expect(marks).ToHaveTextAsync(["M1ck3y", "Wes Anderson"]);
        await Expect(page.Locator("[data-testid=finding]")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("admin-policy-try");

        await page.ClickAsync("#new-rule");
        await page.FillAsync("#rule-pattern", "(unclosed");
        await page.ClickAsync("#rule-is-regex");
        await page.FillAsync("#rule-message", "names our client's competitor.");
        await page.ClickAsync("#rule-save");
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("not a valid regular expression");
        await page.ScreenshotAsync("admin-policy-rule-error");
        await page.FillAsync("#rule-pattern", @"\bglobex\b");
        await page.ClickAsync("#rule-save");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "The rule was added." })).ToHaveCountAsync(1);

        await page.FillAsync("#try-prompt-text", "A Globex billboard at night");
        await page.ClickAsync("#try-prompt-check");
        await Expect(page.Locator("[data-testid=highlight]")).ToHaveTextAsync(["Globex"]);
        await page.ScreenshotAsync("admin-policy-light");
    }

    private async Task CreateAdminAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Pia Policy", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        if (!await roles.RoleExistsAsync(Roles.Admin)) await roles.CreateAsync(new IdentityRole(Roles.Admin));
        Assert.True((await users.AddToRoleAsync(user, Roles.Admin)).Succeeded);
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }
}
