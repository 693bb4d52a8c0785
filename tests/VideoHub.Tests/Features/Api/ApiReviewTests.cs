using System.Net;
using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;

namespace VideoHub.Tests.Features.Api;

/// <summary>Review over the API: time-coded comments and decisions, through the review service's rules.</summary>
public sealed class ApiReviewTests : ApiTestBase
{
    private Actor reviewer = null!;
    private Actor editor = null!;
    private Actor viewer = null!;
    private Guid takeId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (reviewer, editor, viewer) = (await UserAsync("reviewer"), await UserAsync("editor"), await UserAsync("viewer"));
        await WithServiceAsync<VideoHub.Features.Projects.ProjectService, bool>(async s =>
        {
            foreach (var (user, role) in new[] { (reviewer, ProjectRole.Reviewer), (editor, ProjectRole.Editor), (viewer, ProjectRole.Viewer) })
                Assert.True((await s.AddMemberAsync(Owner, ProjectId, $"{user.UserName}@example.com", role)).Succeeded);
            return true;
        });
        takeId = await SeedTakeAsync(App, ProjectId, Owner.UserId);
    }

    internal static async Task<Guid> SeedTakeAsync(Rendering.Infrastructure.RenderingApp app, Guid projectId, string authorId)
    {
        var take = await Media.TakeSeeder.SeedAsync(app.Services, projectId, authorId, [0, 0, 0, 1], [0xFF, 0xD8, 0xFF]);
        await app.DbAsync(db => db.Videos.Where(v => v.Id == take.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.DurationSeconds, 8.0)));
        return take.Id;
    }

    [Fact]
    public async Task Comments_AreAddedAtATimeCode_AndListedWithTheirReplies()
    {
        using var api = Client(await TokenAsync(editor));
        var url = $"/api/v1/takes/{takeId}/comments";

        var added = await PostAsync(api, url, new { body = "The light flickers here", timeSeconds = 2.5, endSeconds = 4.0 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var comment = await JsonOf(added);
        Assert.Equal(2.5, comment.GetProperty("timeSeconds").GetDouble());
        Assert.Equal("editor", comment.GetProperty("authorName").GetString());
        var reply = await PostAsync(api, url, new { body = "Fixed in the retake", parentCommentId = comment.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var listed = await JsonOf(await api.GetAsync(url));
        var thread = Assert.Single(listed.EnumerateArray());
        Assert.Equal("The light flickers here", thread.GetProperty("body").GetString());
        Assert.Equal("Fixed in the retake", Assert.Single(thread.GetProperty("replies").EnumerateArray()).GetProperty("body").GetString());
        Assert.Equal(2, await App.DbAsync(db => db.ReviewComments.CountAsync()));
    }

    [Fact]
    public async Task AComment_OutsideTheTake_OrEmpty_Answers422WithTheField_AndAViewerGets403()
    {
        using var api = Client(await TokenAsync(editor));
        var url = $"/api/v1/takes/{takeId}/comments";
        var outside = await PostAsync(api, url, new { body = "Too late", timeSeconds = 99 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.True((await JsonOf(outside)).GetProperty("errors").TryGetProperty("timeSeconds", out _));
        var empty = await PostAsync(api, url, new { body = " ", timeSeconds = 1 });
        Assert.True((await JsonOf(empty)).GetProperty("errors").TryGetProperty("body", out _));
        var noTime = await PostAsync(api, url, new { body = "Where?" });
        Assert.True((await JsonOf(noTime)).GetProperty("errors").TryGetProperty("timeSeconds", out _));

        using var asViewer = Client(await TokenAsync(viewer));
        var refused = await PostAsync(asViewer, url, new { body = "I only watch", timeSeconds = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await App.DbAsync(db => db.ReviewComments.CountAsync()));
    }

    [Fact]
    public async Task AReviewer_Approves_AndTheTakeIsApproved_AnEditorMayNotDecide()
    {
        using var api = Client(await TokenAsync(reviewer));
        var decided = await PostAsync(api, $"/api/v1/takes/{takeId}/decisions", new { verdict = "Approve" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("Approved", (await JsonOf(decided)).GetProperty("reviewState").GetString());
        var review = await JsonOf(await api.GetAsync($"/api/v1/takes/{takeId}/review"));
        Assert.Equal("reviewer", Assert.Single(review.GetProperty("decisions").EnumerateArray()).GetProperty("reviewerName").GetString());
        Assert.Equal(ReviewState.Approved, await App.DbAsync(db => db.Videos.Where(v => v.Id == takeId).Select(v => v.ReviewState).SingleAsync()));

        using var asEditor = Client(await TokenAsync(editor));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(asEditor, $"/api/v1/takes/{takeId}/decisions", new { verdict = "Reject", note = "No" })).StatusCode);
    }

    [Fact]
    public async Task ADecision_WithoutItsNote_Answers422_AndAnUnknownVerdict_Answers400()
    {
        using var api = Client(await TokenAsync(reviewer));
        var url = $"/api/v1/takes/{takeId}/decisions";
        var noNote = await PostAsync(api, url, new { verdict = "RequestChanges" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote.StatusCode);
        Assert.True((await JsonOf(noNote)).GetProperty("errors").TryGetProperty("note", out _));
        var unknown = await PostAsync(api, url, new { verdict = "Maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var missing = await PostAsync(api, url, new { note = "forgot the verdict" });
        Assert.True((await JsonOf(missing)).GetProperty("errors").TryGetProperty("verdict", out _));
        Assert.Equal(0, await App.DbAsync(db => db.ReviewDecisions.CountAsync()));
    }
}
