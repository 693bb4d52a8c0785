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

    [Fact]
    public async Task Admin_TriesAPrompt_SeesTheMatchHighlighted_AndAddsARule()
    {
        await app.CreateAdminAsync("policy.admin@example.com", "Pia Policy");
        var page = await app.NewPageAsync();
        await page.SignInAsync("policy.admin@example.com");

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
}
