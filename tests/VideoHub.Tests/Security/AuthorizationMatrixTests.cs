using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Security;

/// <summary>
/// Every route the app maps × every kind of user, against the exact set of who may open it. A route missing
/// from <see cref="AccessMatrix"/> fails the test, so a new page or endpoint cannot ship without a decision.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private readonly VideoHubFactory factory = new();
    private readonly Dictionary<Who, HttpClient> clients = [];
    private Guid projectId;
    private Guid takeId;
    private Guid requestId;
    private Guid collectionId;
    private string shareToken = "";
    private Guid batchId;
    private Guid catalogItemId;
    private Guid catalogVersionId;
    private Guid storyboardId;

    public async Task InitializeAsync()
    {
        await factory.CreateUserAsync("admin@example.com", admin: true);
        foreach (var who in Enum.GetValues<Who>().Where(w => w is not Who.Admin and not Who.Anonymous))
            await factory.CreateUserAsync($"{who.ToString().ToLowerInvariant()}@example.com");

        using var scope = factory.Services.CreateScope();
        var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
        var owner = await CurrentUserAsync("owner@example.com");
        var created = await projects.CreateAsync(owner, new ProjectInput { Name = "Matrix", Brief = "" });
        projectId = created.Value;
        foreach (var (who, role) in new[] { (Who.Editor, ProjectRole.Editor), (Who.Reviewer, ProjectRole.Reviewer), (Who.Viewer, ProjectRole.Viewer) })
            Assert.True((await projects.AddMemberAsync(owner, projectId, $"{who.ToString().ToLowerInvariant()}@example.com", role)).Succeeded);
        var take = await Media.TakeSeeder.SeedAsync(factory.Services, projectId, owner.UserId, [0, 0, 0, 1], [0xFF, 0xD8, 0xFF]);
        (takeId, requestId) = (take.Id, take.RenderRequestId);
        var collections = scope.ServiceProvider.GetRequiredService<VideoHub.Features.Gallery.Collections.CollectionService>();
        collectionId = (await collections.CreateAsync(owner, "Matrix board")).Value;
        Assert.True((await collections.AddAsync(owner, collectionId, takeId)).Succeeded);
        var shares = scope.ServiceProvider.GetRequiredService<VideoHub.Features.Gallery.Sharing.ShareLinkService>();
        shareToken = (await shares.CreateForTakeAsync(owner, takeId, new() { Label = "matrix" })).Value!.Token;
        var batch = await scope.ServiceProvider.GetRequiredService<VideoHub.Features.Batches.BatchService>().CreateAsync(owner, projectId,
            new VideoHub.Features.Batches.BatchDraft("Matrix batch", VideoHub.Domain.Batches.BatchMode.Direct, VideoHub.Domain.Batches.BatchSource.File,
                [new VideoHub.Features.Batches.BatchRowInput(2, "row-1", "A quiet harbour at dawn")]), dropFailingRows: false);
        Assert.True(batch.Succeeded, batch.Message);
        batchId = batch.Value;
        var item = await Features.Catalog.CatalogSeeder.SeedAsync(factory.Services, owner.UserId, "Matrix Nova", [0, 0, 0, 1], [0xFF, 0xD8, 0xFF]);
        (catalogItemId, catalogVersionId) = (item.Id, item.CurrentVersionId!.Value);
        storyboardId = (await scope.ServiceProvider.GetRequiredService<global::VideoHub.Features.Lineage.Storyboards.StoryboardService>()
            .CreateAsync(owner, projectId, "Matrix board")).Id!.Value;

        foreach (var who in Enum.GetValues<Who>())
            clients[who] = who == Who.Anonymous
                ? factory.AnonymousClient()
                : await factory.SignedInClientAsync($"{who.ToString().ToLowerInvariant()}@example.com");
    }

    [Fact]
    public void EveryMappedRoute_HasAnAccessDecision()
    {
        var unclassified = MappedRoutes().Where(r => !AccessMatrix.Routes.ContainsKey(r)).ToList();
        Assert.True(unclassified.Count == 0, "Routes without an access decision: " + string.Join(", ", unclassified));
        var stale = AccessMatrix.Routes.Keys.Where(r => !MappedRoutes().Contains(r)).ToList();
        Assert.True(stale.Count == 0, "Matrix rows for routes that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryPage_AnswersEachKindOfUser_ExactlyAsTheMatrixSays()
    {
        var failures = new List<string>();
        foreach (var (route, rule) in AccessMatrix.Routes.Where(r => r.Value.Method == "GET"))
        {
            var url = route.Replace("{Id:guid}", projectId.ToString())
                .Replace("{videoId:guid}", takeId.ToString()).Replace("{variant}", "thumbnail")
                .Replace("{RequestId:guid}", requestId.ToString())
                .Replace("{VideoId:guid}", takeId.ToString()).Replace("{CollectionId:guid}", collectionId.ToString())
                .Replace("{Token}", shareToken).Replace("{token}", shareToken)
                .Replace("{BatchId:guid}", batchId.ToString())
                .Replace("{ItemId:guid}", catalogItemId.ToString()).Replace("{versionId:guid}", catalogVersionId.ToString())
                .Replace("{file}", "poster").Replace("{StoryboardId:guid}", storyboardId.ToString());
            foreach (var who in Enum.GetValues<Who>())
            {
                var response = await clients[who].GetAsync(url);
                var expected = rule.Expect(who);
                var actual = Describe(response);
                if (actual != expected) failures.Add($"{route} as {who}: expected {expected}, got {actual}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryMachineEndpoint_IgnoresTheSignInCookie_AndRefusesWithoutItsCredential()
    {
        var failures = new List<string>();
        foreach (var endpoint in MachineEndpoints())
        {
            var (route, methods) = endpoint;
            var url = PlaceholderValues().Aggregate(route, (u, p) => u.Replace(p.Key, p.Value));
            foreach (var method in methods)
            foreach (var who in Enum.GetValues<Who>())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method != "GET" && method != "DELETE") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                var actual = Describe(await clients[who].SendAsync(request));
                var expected = AccessMatrix.Routes[route].Expect(who);
                if (actual != expected) failures.Add($"{method} {route} as {who}: expected {expected}, got {actual}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Dictionary<string, string> PlaceholderValues() => new()
    {
        ["{videoId}"] = "video_123", ["{characterId}"] = "char_123", ["{fileId}"] = "file-123",
        ["{batchId}"] = "batch_123", ["{providerId}"] = "no-such-provider", ["{**path}"] = "anything/else",
        ["{projectId:guid}"] = Guid.NewGuid().ToString(), ["{requestId:guid}"] = Guid.NewGuid().ToString(),
        ["{takeId:guid}"] = Guid.NewGuid().ToString(), ["{variant}"] = "video",
        ["{batchId:guid}"] = Guid.NewGuid().ToString(), ["{itemId:guid}"] = Guid.NewGuid().ToString(),
    };

    private IEnumerable<(string Route, IReadOnlyList<string> Methods)> MachineEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText?.TrimStart('/'),
                          Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => AccessMatrix.Routes.TryGetValue(e.Route, out var rule) && rule.Method == "API")
            .GroupBy(e => e.Route)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.SelectMany(e => e.Methods).Distinct().ToList()));

    private static string Describe(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location is { } to =>
            "302 " + (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString.Split('?')[0]),
        var code => ((int)code).ToString(),
    };

    private HashSet<string> MappedRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Where(AccessMatrix.IsApplicationRoute)
            .ToHashSet();

    private async Task<Actor> CurrentUserAsync(string email)
    {
        var users = await factory.UsersAsync();
        return new Actor(users.Single(u => u.Email == email).Id, email, false);
    }

    public async Task DisposeAsync()
    {
        foreach (var c in clients.Values) c.Dispose();
        await factory.DisposeAsync();
    }
}
