using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace VideoHub.E2E;

/// <summary>
/// What a user never sees but a broken page shows in the browser's console: script errors, Content-Security-Policy
/// refusals and requests the app itself answered with an error. Happy-path tests watch their page and assert it
/// stayed clean.
/// </summary>
public sealed class PageHealth
{
    private readonly ConcurrentQueue<string> problems = new();

    private PageHealth(IPage page, string origin)
    {
        page.Console += (_, m) => { if (m.Type == "error") problems.Enqueue($"console: {m.Text} ({m.Location})"); };
        page.PageError += (_, e) => problems.Enqueue($"page error: {e}");
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && r.Url.StartsWith(origin, StringComparison.Ordinal)) problems.Enqueue($"HTTP {r.Status}: {r.Request.Method} {r.Url}");
        };
        page.RequestFailed += (_, r) =>
        {
            // A media request the browser cancels itself (a video leaving the page, a seek) is not a fault.
            if (r.Url.StartsWith(origin, StringComparison.Ordinal) && r.ResourceType is not "media" && r.Failure != "net::ERR_ABORTED")
                problems.Enqueue($"request failed: {r.Method} {r.Url} ({r.Failure})");
        };
    }

    /// <summary>Starts watching <paramref name="page"/> for problems on the app's own origin.</summary>
    public static PageHealth Watch(IPage page, AppFixture app) => new(page, app.BaseUrl.TrimEnd('/'));

    public void AssertClean() =>
        Assert.True(problems.IsEmpty, "The pages reported problems:\n" + string.Join("\n", problems));
}
