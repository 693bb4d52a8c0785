using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using static Microsoft.Playwright.Assertions;

namespace VideoHub.E2E.Admin;

/// <summary>
/// An administrator manages providers in a real browser: reveals the built-in provider's key, adds an
/// openai-compatible provider that points back at this app's own /local-provider/v1 with that key (a real target),
/// tests both connections and disables one. Screenshots in light and dark land in the screenshot folder.
/// </summary>
public sealed class ProvidersPageBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Admin_RevealsTheLocalKey_AddsAGatewayWithIt_TestsConnections_AndDisablesIt()
    {
        await app.CreateAdminAsync("pat@example.com", "Pat Provider");
        var page = await app.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.SignInAsync("pat@example.com");

        await page.GotoAsync("/admin/providers");
        await page.WaitForInteractiveAsync();
        var local = Card(page, "local");
        await Expect(local.GetByTestId("provider-kind")).ToHaveTextAsync("Local (built in)");
        await Expect(local.GetByTestId("webhook-url").GetByTestId("copy-value")).ToHaveTextAsync($"{app.BaseUrl}/webhooks/providers/local");

        await local.GetByTestId("reveal-key").ClickAsync();
        var key = await local.GetByTestId("revealed-key").GetByTestId("copy-value").InnerTextAsync();
        Assert.StartsWith("sk-local-", key);
        await local.GetByTestId("revealed-key").GetByTestId("copy-button").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Copied the API key." })).ToHaveCountAsync(1);
        Assert.Equal(key, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await local.GetByTestId("test-connection").ClickAsync();
        await Expect(local.GetByTestId("last-test-result")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Connected in \d+ ms\s*$"));

        await page.ClickAsync("#add-provider");
        await page.FillAsync("#provider-name", "Loopback gateway");
        await Expect(page.Locator("#provider-id")).ToHaveValueAsync("loopback-gateway");
        await page.FillAsync("#provider-base-url", "127.0.0.1/local-provider/v1");
        await page.FillAsync("#provider-api-key", key);
        await page.FillAsync("#model-0-name", "sora-2");
        await page.FillAsync("#model-0-size-0-price", "0.1");
        await page.FillAsync("#model-0-size-0-batch-price", "0.05");
        await page.FillAsync("#model-0-size-1-price", "0.1");
        await page.FillAsync("#model-0-size-1-batch-price", "0.05");
        await page.ClickAsync("#provider-webhook-secret-generate");
        await Expect(page.Locator("#provider-webhook-secret")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        await page.ClickAsync("#provider-submit");
        await Expect(page.Locator("#provider-form-error")).ToHaveTextAsync("Check the highlighted fields; nothing was saved.");
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Enter a full http:// or https:// address, e.g. https://gateway.example/v1.");
        await Expect(page.Locator("[data-testid=provider-card]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("admin-providers-add-error-light");
        await page.Locator("#model-0-size-add").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("admin-providers-add-model-light");

        await page.FillAsync("#provider-base-url", $"{app.BaseUrl}/local-provider/v1");
        await Expect(page.Locator(".mud-dialog")).Not.ToContainTextAsync("Enter a full http://");
        await page.ClickAsync("#provider-submit");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Added Loopback gateway." })).ToHaveCountAsync(1);
        var gateway = Card(page, "loopback-gateway");
        await Expect(gateway.GetByTestId("provider-kind")).ToHaveTextAsync("OpenAI-compatible");
        await Expect(gateway.GetByTestId("provider-api-key")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Saved \\(encrypted\\)"));
        await Expect(gateway).Not.ToContainTextAsync(key[10..]);

        await gateway.GetByTestId("test-connection").ClickAsync();
        await Expect(gateway.GetByTestId("last-test-result")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Connected in \d+ ms"));
        await page.ScreenshotAsync("admin-providers-light");

        await gateway.GetByTestId("disable-provider").ClickAsync();
        await Expect(page.Locator("#confirm-message")).ToHaveTextAsync("Disable Loopback gateway?");
        await page.ScreenshotAsync("admin-providers-confirm-light");
        await page.ClickAsync("#confirm-ok");
        await Expect(gateway.GetByTestId("provider-status")).ToHaveTextAsync("Disabled");
        await Expect(gateway.GetByTestId("enable-provider")).ToBeVisibleAsync();
        await Expect(gateway.GetByTestId("provider-webhooks")).ToContainTextAsync("events are refused while the provider is disabled");
        await Expect(local.GetByTestId("disable-provider")).ToBeDisabledAsync();

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync())
        {
            var actions = await db.AuditEvents.Where(a => a.EntityType == "Provider").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal([AuditActions.ProviderKeyViewed, AuditActions.ProviderConnectionTested, AuditActions.ProviderCreated,
                AuditActions.ProviderConnectionTested, AuditActions.ProviderDisabled], actions);
            Assert.False(await db.AuditEvents.AnyAsync(a => a.Summary.Contains(key) || (a.After != null && a.After.Contains(key))));
        }

        await page.ClickAsync("#theme-toggle");
        await page.GotoAsync("/admin/providers");
        await page.WaitForInteractiveAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync("admin-providers-dark");
        await Card(page, "loopback-gateway").GetByTestId("edit-provider").ClickAsync();
        await Expect(page.Locator("#provider-id")).ToHaveValueAsync("loopback-gateway");
        await Expect(page.Locator("#provider-api-key")).ToHaveValueAsync("");
        await page.ScreenshotAsync("admin-providers-edit-dark");
    }

    private static ILocator Card(IPage page, string id) => page.Locator($"[data-testid=provider-card][data-provider-id='{id}']");
}
