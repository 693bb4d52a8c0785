using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace VideoHub.E2E;

/// <summary>The real app on a real loopback port with its own data folder, and Debian's Chromium driven by Playwright.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> factory;
    private IPlaywright? playwright;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "videohub-e2e", Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => factory.Services;

    /// <summary>Screenshots land beside the test results so a person can look at every main page.</summary>
    public static string ScreenshotDir { get; } =
        Environment.GetEnvironmentVariable("VIDEOHUB_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public AppFixture()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Data:Path", DataPath);
        });
    }

    public async Task InitializeAsync()
    {
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Directory.CreateDirectory(ScreenshotDir);

        // Generous waits: CI runs both test projects at once on two cores, and a busy machine is not a failure.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await factory.DisposeAsync();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}

public static class PageExtensions
{
    /// <summary>Waits for the Blazor circuit: clicks before it is up are lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#render-mode[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppFixture.ScreenshotDir, name + ".png"), FullPage = true });
}
