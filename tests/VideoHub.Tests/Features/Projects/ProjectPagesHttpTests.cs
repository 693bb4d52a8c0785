using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Projects;

/// <summary>One app with a project whose members hold every role, plus an outsider and an admin, each signed in once.</summary>
public sealed class ProjectPagesFixture : IAsyncLifetime
{
    public VideoHubFactory Factory { get; } = new();
    public Guid ProjectId { get; private set; }
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        var users = new Dictionary<string, Actor>();
        foreach (var name in new[] { "owner", "editor", "reviewer", "viewer", "outsider", "admin" })
        {
            var user = await Factory.CreateUserAsync($"{name}@example.com", admin: name == "admin", displayName: name);
            users[name] = new Actor(user.Id, name, name == "admin");
        }
        using (var scope = Factory.Services.CreateScope())
        {
            var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
            var created = await projects.CreateAsync(users["owner"], new ProjectInput { Name = "Trailer", Brief = "Fast cuts." });
            ProjectId = created.Value;
            foreach (var (name, role) in new[] { ("editor", ProjectRole.Editor), ("reviewer", ProjectRole.Reviewer), ("viewer", ProjectRole.Viewer) })
                Assert.True((await projects.AddMemberAsync(users["owner"], ProjectId, $"{name}@example.com", role)).Succeeded);
        }
        foreach (var name in users.Keys) Clients[name] = await Factory.SignedInClientAsync($"{name}@example.com");
        Clients["anonymous"] = Factory.AnonymousClient();
    }

    public Task DisposeAsync()
    {
        foreach (var client in Clients.Values) client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>What each kind of user gets for each project page: the authorisation matrix, over real HTTP with prerendering.</summary>
public sealed class ProjectPagesHttpTests(ProjectPagesFixture app) : IClassFixture<ProjectPagesFixture>
{
    [Theory]
    [InlineData("", "owner", HttpStatusCode.OK)]
    [InlineData("", "editor", HttpStatusCode.OK)]
    [InlineData("", "reviewer", HttpStatusCode.OK)]
    [InlineData("", "viewer", HttpStatusCode.OK)]
    [InlineData("", "admin", HttpStatusCode.OK)]
    [InlineData("", "outsider", HttpStatusCode.NotFound)]
    [InlineData("/members", "owner", HttpStatusCode.OK)]
    [InlineData("/members", "editor", HttpStatusCode.OK)]
    [InlineData("/members", "reviewer", HttpStatusCode.OK)]
    [InlineData("/members", "viewer", HttpStatusCode.OK)]
    [InlineData("/members", "admin", HttpStatusCode.OK)]
    [InlineData("/members", "outsider", HttpStatusCode.NotFound)]
    [InlineData("/settings", "owner", HttpStatusCode.OK)]
    [InlineData("/settings", "admin", HttpStatusCode.OK)]
    [InlineData("/settings", "editor", HttpStatusCode.NotFound)]
    [InlineData("/settings", "reviewer", HttpStatusCode.NotFound)]
    [InlineData("/settings", "viewer", HttpStatusCode.NotFound)]
    [InlineData("/settings", "outsider", HttpStatusCode.NotFound)]
    public async Task ProjectPage_AnswersByRole(string page, string user, HttpStatusCode expected)
    {
        var response = await app.Clients[user].GetAsync($"/projects/{app.ProjectId}{page}");

        Assert.Equal(expected, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        if (expected == HttpStatusCode.OK)
            Assert.Contains("id=\"project-name\"", html);
        else
        {
            Assert.Contains("id=\"not-found\"", html);
            Assert.DoesNotContain("Trailer", html);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/members")]
    [InlineData("/settings")]
    public async Task ProjectPage_ThatDoesNotExist_IsNotFoundEvenForAdmin(string page)
    {
        var response = await app.Clients["admin"].GetAsync($"/projects/{Guid.NewGuid()}{page}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/projects")]
    [InlineData("/projects/{id}")]
    [InlineData("/projects/{id}/members")]
    [InlineData("/projects/{id}/settings")]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        var response = await app.Clients["anonymous"].GetAsync(path.Replace("{id}", app.ProjectId.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SettingsButtonsAndTab_AreShownToOwner_AndHiddenFromViewer()
    {
        var forOwner = await app.Clients["owner"].GetStringAsync($"/projects/{app.ProjectId}/members");
        var forViewer = await app.Clients["viewer"].GetStringAsync($"/projects/{app.ProjectId}/members");

        Assert.Contains("id=\"tab-settings\"", forOwner);
        Assert.Contains("id=\"add-member-form\"", forOwner);
        Assert.DoesNotContain("id=\"tab-settings\"", forViewer);
        Assert.DoesNotContain("id=\"add-member-form\"", forViewer);
        Assert.Contains("editor@example.com", forViewer);
    }

    [Fact]
    public async Task ProjectList_And_Dashboard_ShowOnlyProjectsTheUserBelongsTo()
    {
        Assert.Contains("Trailer", await app.Clients["viewer"].GetStringAsync("/projects"));
        Assert.Contains("Trailer", await app.Clients["viewer"].GetStringAsync("/"));
        var outsiderList = await app.Clients["outsider"].GetStringAsync("/projects");
        Assert.DoesNotContain("Trailer", outsiderList);
        Assert.Contains("No projects yet", outsiderList);
        Assert.DoesNotContain("Trailer", await app.Clients["outsider"].GetStringAsync("/"));
    }
}
