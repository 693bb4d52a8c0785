using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Api.Tokens;
using VideoHub.Features.Projects;

namespace VideoHub.Tests.Features.Api;

public enum Caller { Owner, Editor, Reviewer, Viewer, NonMember, Admin, Revoked, Expired, DisabledUser, NoToken }

/// <summary>
/// Every /api/v1 route × every kind of token, against the same rules as the pages: members read, Editors request,
/// Owners manage; a non-member gets exactly what an unknown id gets; bad or missing tokens get 401.
/// </summary>
public sealed class ApiAccessMatrixTests : ApiTestBase
{
    private readonly Dictionary<Caller, string?> tokens = [];
    private Guid takeId;
    private Guid requestId;
    private Guid batchId;
    private Guid itemId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var editor = await UserAsync("editor");
        var reviewer = await UserAsync("reviewer");
        var viewer = await UserAsync("viewer");
        var outsider = await UserAsync("outsider");
        var admin = await UserAsync("admin", admin: true);
        var disabled = await UserAsync("disabled");
        await WithServiceAsync<ProjectService, bool>(async s =>
        {
            foreach (var (user, role) in new[] { (editor, ProjectRole.Editor), (reviewer, ProjectRole.Reviewer), (viewer, ProjectRole.Viewer), (disabled, ProjectRole.Owner) })
                Assert.True((await s.AddMemberAsync(Owner, ProjectId, $"{user.UserName}@example.com", role)).Succeeded);
            return true;
        });
        var take = await Media.TakeSeeder.SeedAsync(App.Services, ProjectId, Owner.UserId, [0, 0, 0, 1, 2, 3], [0xFF, 0xD8, 0xFF]);
        (takeId, requestId) = (take.Id, take.RenderRequestId);
        batchId = await SeedCancelledBatchAsync();
        itemId = Guid.CreateVersion7();
        await App.DbAsync(db =>
        {
            db.CatalogItems.Add(new Domain.Catalog.CatalogItem
            {
                Id = itemId, Name = "Harbour cat", NormalizedName = "HARBOUR CAT", OwnerId = Owner.UserId, OwnerName = "owner",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });

        tokens[Caller.Owner] = await TokenAsync(Owner);
        tokens[Caller.Editor] = await TokenAsync(editor);
        tokens[Caller.Reviewer] = await TokenAsync(reviewer);
        tokens[Caller.Viewer] = await TokenAsync(viewer);
        tokens[Caller.NonMember] = await TokenAsync(outsider);
        tokens[Caller.Admin] = await TokenAsync(admin);
        tokens[Caller.Revoked] = await TokenAsync(Owner, name: "revoked");
        tokens[Caller.Expired] = await TokenAsync(Owner, DateTime.UtcNow.AddSeconds(2), "expires soon");
        tokens[Caller.DisabledUser] = await TokenAsync(disabled);
        tokens[Caller.NoToken] = null;
        var revokedId = await App.DbAsync(db => db.ApiTokens.Where(t => t.Name == "revoked").Select(t => t.Id).SingleAsync());
        Assert.True((await WithServiceAsync<ApiTokenService, Result>(s => s.RevokeAsync(Owner, revokedId))).Succeeded);
        await App.DbAsync(db => db.Users.Where(u => u.Id == disabled.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTime.UtcNow)));
        await App.DbAsync(db => db.ApiTokens.Where(t => t.Name == "expires soon")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
    }

    private static string Members(Caller c) => c == Caller.NonMember ? "404" : "200";
    private static string Editors(Caller c, string ok) => c switch
    {
        Caller.Owner or Caller.Editor or Caller.Admin => ok,
        Caller.NonMember => "404",
        _ => "403",
    };
    private static string Owners(Caller c, string ok) => c switch
    {
        Caller.Owner or Caller.Admin => ok,
        Caller.NonMember => "404",
        _ => "403",
    };

    private static string Commenters(Caller c, string ok) => c switch
    {
        Caller.Viewer => "403",
        Caller.NonMember => "404",
        _ => ok,
    };
    private static string Deciders(Caller c, string ok) => c switch
    {
        Caller.Owner or Caller.Reviewer or Caller.Admin => ok,
        Caller.NonMember => "404",
        _ => "403",
    };

    /// <summary>A batch started by the Owner and cancelled at once: whoever may cancel it gets 409 from the matrix.</summary>
    private async Task<Guid> SeedCancelledBatchAsync()
    {
        var draft = new VideoHub.Features.Batches.BatchDraft("Seeded", Domain.Batches.BatchMode.Direct, Domain.Batches.BatchSource.Api,
            [new VideoHub.Features.Batches.BatchRowInput(1, "row-1", "A quiet harbour at dawn")]);
        var created = await WithServiceAsync<VideoHub.Features.Batches.BatchService, VideoHub.Features.Batches.BatchResult<Guid>>(
            s => s.CreateAsync(Owner, ProjectId, draft, false));
        Assert.True(created.Succeeded, created.Message);
        Assert.True((await WithServiceAsync<VideoHub.Features.Batches.BatchService, VideoHub.Features.Batches.BatchResult<Domain.Batches.BatchStatus>>(
            s => s.CancelAsync(Owner, created.Value))).Succeeded);
        return created.Value;
    }

    private IEnumerable<(string Method, string Route, string Url, object? Body, Func<Caller, string> Expect)> Cases() =>
    [
        ("GET", "/api/v1/projects", "/api/v1/projects", null, _ => "200"),
        ("GET", "/api/v1/projects/{projectId:guid}", $"/api/v1/projects/{ProjectId}", null, Members),
        ("GET", "/api/v1/projects/{projectId:guid}/members", $"/api/v1/projects/{ProjectId}/members", null, c => Owners(c, "200")),
        ("POST", "/api/v1/projects/{projectId:guid}/precheck", $"/api/v1/projects/{ProjectId}/precheck", new { prompt = "a quiet harbour" }, c => Editors(c, "200")),
        // A blocked prompt: allowed callers reach the pre-check (422) and nothing is ever rendered.
        ("POST", "/api/v1/projects/{projectId:guid}/render-requests", $"/api/v1/projects/{ProjectId}/render-requests", new { prompt = "Mickey Mouse dances" }, c => Editors(c, "422")),
        ("GET", "/api/v1/projects/{projectId:guid}/render-requests", $"/api/v1/projects/{ProjectId}/render-requests", null, Members),
        ("GET", "/api/v1/render-requests/{requestId:guid}", $"/api/v1/render-requests/{requestId}", null, Members),
        // The seeded request is finished: whoever may cancel gets 409, the Editor (not its author) and readers 403.
        ("POST", "/api/v1/render-requests/{requestId:guid}/cancel", $"/api/v1/render-requests/{requestId}/cancel", null, c => Owners(c, "409")),
        ("GET", "/api/v1/takes/{takeId:guid}", $"/api/v1/takes/{takeId}", null, Members),
        ("GET", "/api/v1/takes/{takeId:guid}/{variant}", $"/api/v1/takes/{takeId}/video", null, Members),
        ("GET", "/api/v1/takes", $"/api/v1/takes?projectId={ProjectId}", null, _ => "200"),
        ("GET", "/api/v1/takes/{takeId:guid}/comments", $"/api/v1/takes/{takeId}/comments", null, Members),
        ("POST", "/api/v1/takes/{takeId:guid}/comments", $"/api/v1/takes/{takeId}/comments", new { body = "Too dark at the start", timeSeconds = 0 }, c => Commenters(c, "201")),
        ("GET", "/api/v1/takes/{takeId:guid}/lineage", $"/api/v1/takes/{takeId}/lineage", null, Members),
        ("GET", "/api/v1/takes/{takeId:guid}/review", $"/api/v1/takes/{takeId}/review", null, Members),
        ("POST", "/api/v1/takes/{takeId:guid}/decisions", $"/api/v1/takes/{takeId}/decisions", new { verdict = "RequestChanges", note = "Warmer light" }, c => Deciders(c, "200")),
        // Blocked prompts: allowed callers reach the derive pre-check (422) and nothing is rendered.
        ("POST", "/api/v1/takes/{takeId:guid}/remix", $"/api/v1/takes/{takeId}/remix", new { prompt = "Mickey Mouse dances" }, c => Editors(c, "422")),
        ("POST", "/api/v1/takes/{takeId:guid}/edit", $"/api/v1/takes/{takeId}/edit", new { prompt = "Mickey Mouse dances" }, c => Editors(c, "422")),
        ("POST", "/api/v1/takes/{takeId:guid}/extend", $"/api/v1/takes/{takeId}/extend", new { prompt = "Mickey Mouse dances" }, c => Editors(c, "422")),
        // A JSONL body (a string here) whose only row is blocked: allowed callers get the batch pre-check's 422.
        ("POST", "/api/v1/projects/{projectId:guid}/batches", $"/api/v1/projects/{ProjectId}/batches", "{\"custom_id\":\"a\",\"prompt\":\"Mickey Mouse dances\"}\n", c => Editors(c, "422")),
        ("GET", "/api/v1/projects/{projectId:guid}/batches/{batchId:guid}", $"/api/v1/projects/{ProjectId}/batches/{batchId}", null, Members),
        ("GET", "/api/v1/projects/{projectId:guid}/batches/{batchId:guid}/rows", $"/api/v1/projects/{ProjectId}/batches/{batchId}/rows", null, Members),
        ("POST", "/api/v1/projects/{projectId:guid}/batches/{batchId:guid}/cancel", $"/api/v1/projects/{ProjectId}/batches/{batchId}/cancel", null, c => Owners(c, "409")),
        ("GET", "/api/v1/catalog/items", "/api/v1/catalog/items?q=harbour", null, _ => "200"),
        ("GET", "/api/v1/catalog/items/{itemId:guid}", $"/api/v1/catalog/items/{itemId}", null, _ => "200"),
    ];

    [Fact]
    public async Task EveryRoute_AnswersEveryKindOfToken_AsTheRolesSay()
    {
        var failures = new List<string>();
        foreach (var (method, _, url, body, expect) in Cases())
        foreach (var caller in Enum.GetValues<Caller>())
        {
            using var client = Client(tokens[caller]);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is string jsonl) request.Content = new StringContent(jsonl, System.Text.Encoding.UTF8, "application/jsonl");
            else if (body is not null) request.Content = Body(body);
            var response = await client.SendAsync(request);
            var expected = caller is Caller.Revoked or Caller.Expired or Caller.DisabledUser or Caller.NoToken ? "401" : expect(caller);
            var actual = ((int)response.StatusCode).ToString();
            if (actual != expected) failures.Add($"{method} {url} as {caller}: expected {expected}, got {actual}");
            if (response.StatusCode >= HttpStatusCode.BadRequest && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{method} {url} as {caller}: {actual} without a problem body");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void TheMatrix_CoversEveryMappedApiRoute()
    {
        var mapped = ApiRoutes(App.Services).Select(r => $"{r.Method} {r.Route}").ToHashSet();
        var covered = Cases().Select(c => $"{c.Method} {c.Route}").ToHashSet();
        var missing = mapped.Except(covered).ToList();
        Assert.True(missing.Count == 0, "Not in the matrix: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task ANonMember_GetsExactlyWhatAnUnknownIdGets()
    {
        using var outsider = Client(tokens[Caller.NonMember]);
        using var owner = Client(tokens[Caller.Owner]);
        foreach (var (hidden, unknown) in new[]
        {
            ($"/api/v1/takes/{takeId}", $"/api/v1/takes/{Guid.NewGuid()}"),
            ($"/api/v1/projects/{ProjectId}", $"/api/v1/projects/{Guid.NewGuid()}"),
            ($"/api/v1/render-requests/{requestId}", $"/api/v1/render-requests/{Guid.NewGuid()}"),
            ($"/api/v1/takes/{takeId}/comments", $"/api/v1/takes/{Guid.NewGuid()}/comments"),
            ($"/api/v1/takes/{takeId}/review", $"/api/v1/takes/{Guid.NewGuid()}/review"),
            ($"/api/v1/projects/{ProjectId}/batches/{batchId}", $"/api/v1/projects/{ProjectId}/batches/{Guid.NewGuid()}"),
        })
        {
            var a = await outsider.GetAsync(hidden);
            var b = await owner.GetAsync(unknown);
            Assert.Equal(HttpStatusCode.NotFound, a.StatusCode);
            Assert.Equal(WithoutTraceId(await a.Content.ReadAsStringAsync()), WithoutTraceId(await b.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task ARoleChange_AppliesToTheVeryNextCall()
    {
        using var editor = Client(tokens[Caller.Editor]);
        var url = $"/api/v1/projects/{ProjectId}/precheck";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(editor, url, new { prompt = "a quiet harbour" })).StatusCode);
        var editorId = await App.DbAsync(db => db.Users.Where(u => u.Email == "editor@example.com").Select(u => u.Id).SingleAsync());
        Assert.True((await WithServiceAsync<ProjectService, Result>(s => s.ChangeRoleAsync(Owner, ProjectId, editorId, ProjectRole.Viewer))).Succeeded);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, url, new { prompt = "a quiet harbour" })).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesEveryApiRoute_AndTheBearerScheme()
    {
        using var anonymous = Client(null);
        var response = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await JsonOf(response);
        var paths = document.GetProperty("paths");
        var missing = ApiRoutes(App.Services)
            .Where(r => !paths.TryGetProperty(DocumentPath(r.Route), out var item) || !item.TryGetProperty(r.Method.ToLowerInvariant(), out _))
            .Select(r => $"{r.Method} {r.Route}").ToList();
        Assert.True(missing.Count == 0, "Not in the OpenAPI document: " + string.Join(", ", missing));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.All(paths.EnumerateObject(), p => Assert.StartsWith("/api/v1/", p.Name));
        var create = paths.GetProperty("/api/v1/projects/{projectId}/render-requests").GetProperty("post");
        Assert.Contains(create.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
    }

    [Fact]
    public async Task TheApiReference_IsServedLocally_UnderANonceCsp()
    {
        using var anonymous = Client(null);
        var page = await anonymous.GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        var html = await page.Content.ReadAsStringAsync();
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("unsafe-inline';", csp.Split("script-src")[1].Split(';')[0] + ";");
        Assert.True(html.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal), $"CSP nonce {nonce} not on the scripts: {html}");
        Assert.DoesNotContain("https://", html);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/reference/scalar.js")).StatusCode);
        // Every other page keeps the strict policy: its own nonce (for Blazor's import map) and never this one.
        var other = string.Join(";", (await anonymous.GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy"));
        Assert.Matches("script-src 'self' 'nonce-[0-9a-f]{32}';", other);
        Assert.DoesNotContain(nonce, other);
    }

    private static string WithoutTraceId(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"traceId\":\"[^\"]*\"", "");

    internal static IEnumerable<(string Method, string Route)> ApiRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                          Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => e.Route.StartsWith("/api/v1/", StringComparison.Ordinal) || e.Route == "/api/v1")
            .SelectMany(e => e.Methods.Select(m => (m, e.Route)));

    private static string DocumentPath(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*)?\??\}", "{$1}");
}
