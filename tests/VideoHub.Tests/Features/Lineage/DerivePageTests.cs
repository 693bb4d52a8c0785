using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Lineage;

/// <summary>The derive pages as the server renders them: pre-filled from the source, with review notes for a retake.</summary>
public sealed class DerivePageTests : IAsyncLifetime
{
    private readonly VideoHubFactory app = new();
    private Actor owner = null!;
    private Guid projectId;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var user = await app.CreateUserAsync("derive@example.com");
        owner = new Actor(user.Id, "derive", false);
        using var scope = app.Services.CreateScope();
        projectId = (await scope.ServiceProvider.GetRequiredService<ProjectService>()
            .CreateAsync(owner, new ProjectInput { Name = "Derive", Brief = "b" })).Value;
        client = await app.SignedInClientAsync("derive@example.com");
    }

    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task Retake_ShowsTheReviewersRequestedChanges_BesideTheRemixForm_PrefilledWithTheSourcePrompt()
    {
        var take = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 8, "a lighthouse in fog");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync())
        {
            db.ReviewDecisions.Add(new ReviewDecision
            {
                VideoId = take.Id, ProjectId = projectId, ReviewerId = owner.UserId, ReviewerName = "Rae", Verdict = ReviewVerdict.RequestChanges,
                Note = "The beam should sweep left to right.", CreatedAt = DateTime.UtcNow,
            });
            db.ReviewDecisions.Add(new ReviewDecision
            {
                VideoId = take.Id, ProjectId = projectId, ReviewerId = owner.UserId, ReviewerName = "Sam", Verdict = ReviewVerdict.Approve,
                Note = "Looks fine to me.", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var response = await client.GetAsync($"/projects/{projectId}/takes/{take.Id}/remix?retake=true");
        var html = WebUtility.HtmlDecode(await response.TextAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"retake-notes\"", html);
        Assert.Contains("The beam should sweep left to right.", html);
        Assert.DoesNotContain("Looks fine to me.", html);
        Assert.Contains("a lighthouse in fog", html);
        Assert.Contains("Keeps the source's size and length: 1280x720, 8 s.", html);
    }

    [Fact]
    public async Task Extend_ShowsTheResultingChainLength_BeforeSubmit()
    {
        var root = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 8);
        var extended = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, root, RenderOperation.Extend, 16);

        var html = WebUtility.HtmlDecode(await (await client.GetAsync($"/projects/{projectId}/takes/{extended.Id}/extend")).TextAsync());

        Assert.Contains("data-total=\"20\"", html);
        Assert.Contains("extension 2 of 6", html);
        Assert.DoesNotContain("id=\"retake-notes\"", html);
    }
}
