using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VideoHub.E2E.Account;

/// <summary>A new install in a real browser: setup, the account pages, sign-out and sign-in again.</summary>
public sealed class FirstRunTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Email = "ada@example.com";
    private const string Password = "violet harbour lanterns";

    [Fact]
    public async Task FreshInstall_SetupThenAccountPagesThenSignInAgain()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
        await page.ScreenshotAsync("setup");
        await page.FillAsync("#Input\\.Email", Email);
        await page.FillAsync("#Input\\.DisplayName", "Ada Lovelace");
        await page.FillAsync("#Input\\.Password", "password1");
        await page.FillAsync("#Input\\.ConfirmPassword", "password1");
        await page.ClickAsync("#setup-submit");
        await Expect(page.Locator("#setup")).ToContainTextAsync("This password is on a list of commonly used passwords");
        await page.ScreenshotAsync("setup-common-password");

        await page.FillAsync("#Input\\.Password", Password);
        await page.FillAsync("#Input\\.ConfirmPassword", Password);
        await page.ClickAsync("#setup-submit");
        await page.WaitForURLAsync(url => !url.Contains("/setup"));

        await page.GotoAsync("/Account/Manage");
        await Expect(page.Locator("#profile-role")).ToHaveTextAsync("Administrator");
        await Expect(page.Locator("#email")).ToHaveValueAsync(Email);
        await page.ScreenshotAsync("account-profile");
        await page.ClickAsync("#nav-password");
        await Expect(page.Locator("h2")).ToHaveTextAsync("Change password");
        await page.ScreenshotAsync("account-change-password");
        await page.ClickAsync("#back-to-app");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));

        await page.GotoAsync("/Account/Manage");
        await page.ClickAsync("#manage-sign-out");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login$"));
        await page.ScreenshotAsync("sign-in");
        await page.FillAsync("#Input\\.Email", Email);
        await page.FillAsync("#Input\\.Password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));

        await page.GotoAsync("/setup");
        await Expect(page.Locator("#setup")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignInPage_InDarkMode_FollowsTheBrowser()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ColorScheme = ColorScheme.Dark,
            ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/setup");
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.vh-card')).backgroundColor");

        Assert.Equal("rgb(26, 26, 38)", background);
        await page.ScreenshotAsync("setup-dark");
    }
}
