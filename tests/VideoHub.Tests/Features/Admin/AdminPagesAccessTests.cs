using System.Net;
using VideoHub.Tests.Infrastructure;
using static VideoHub.Tests.Features.Admin.AdminTestExtensions;

namespace VideoHub.Tests.Features.Admin;

/// <summary>Admin pages over real HTTP: only administrators get them; anyone else learns nothing about them.</summary>
public sealed class AdminPagesAccessTests(VideoHubFactory factory) : IClassFixture<VideoHubFactory>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/admin/users", "Users" },
        { "/admin/providers", "Providers" },
        { "/admin/audit", "Audit log" },
        { "/admin/system", "System" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_IsSentToSignIn(string path, string _)
    {
        await factory.CreateUserAsync(UniqueEmail("someone"));

        var response = await factory.AnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task SignedInNonAdmin_GetsNotFound_LikeAPageThatDoesNotExist(string path, string title)
    {
        var member = await factory.CreateUserAsync(UniqueEmail("member"));
        var client = await factory.SignedInClientAsync(member.Email!);

        var response = await client.GetAsync(path);
        var missing = await client.GetAsync("/admin/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"not-found\"", html);
        Assert.DoesNotContain($"<title>{title} · VideoHub</title>", html);
        Assert.Equal(Normalise(await missing.Content.ReadAsStringAsync()), Normalise(html));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Admin_GetsThePage(string path, string title)
    {
        var admin = await factory.CreateUserAsync(UniqueEmail("admin"), admin: true);
        var client = await factory.SignedInClientAsync(admin.Email!);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<title>{title} · VideoHub</title>", html);
        Assert.DoesNotContain("id=\"not-found\"", html);
    }

    /// <summary>Per-response tokens (antiforgery, circuit state, element ids) differ between any two pages; the rest must not.</summary>
    private static string Normalise(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html,
            "value=\"[^\"]{40,}\"|nonce=\"[0-9a-f]+\"|<!--Blazor:[^>]*-->|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "");
}
