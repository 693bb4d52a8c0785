using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Notifications;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Domain.Users;
using VideoHub.Features.Rendering;
using VideoHub.Features.Review;
using VideoHub.Features.Review.Notifications;
using VideoHub.Tests.Features.Rendering.Infrastructure;

namespace VideoHub.Tests.Features.Review;

/// <summary>Takes rendered by the real pipeline against the local provider enter review, and a retake joins its stack.</summary>
public sealed class ReviewPipelineTests : RenderingTestBase
{
    [Fact]
    public async Task ReadyTake_NotifiesTheReviewersButNotItsAuthor_AndARetakeJoinsTheStack()
    {
        var editor = await UserAsync("editor");
        var reviewer = await UserAsync("reviewer");
        var project = await ProjectAsync(Owner, "Pipeline review", (editor, ProjectRole.Editor), (reviewer, ProjectRole.Reviewer));

        var first = await RenderAsync(editor, project, "A paper boat on a pond", null);
        var heard = await WithServiceAsync<NotificationService, IReadOnlyList<NotificationView>>(n => n.ListAsync(reviewer));
        var awaits = Assert.Single(heard);
        Assert.Equal(NotificationKind.ReviewRequested, awaits.Kind);
        Assert.Equal(ReviewService.ReviewLink(project, first.Id), awaits.Link);
        Assert.Single(await WithServiceAsync<NotificationService, IReadOnlyList<NotificationView>>(n => n.ListAsync(Owner)));
        Assert.Empty(await WithServiceAsync<NotificationService, IReadOnlyList<NotificationView>>(n => n.ListAsync(editor)));

        Assert.True((await WithServiceAsync<ReviewService, VideoHub.Features.Projects.Result>(s =>
            s.DecideAsync(reviewer, first.Id, ReviewVerdict.RequestChanges, "A slower drift"))).Succeeded);
        var retake = await RenderAsync(editor, project, "A paper boat drifting slowly on a pond", first.Id);

        Assert.Equal((first.Id, (Guid?)first.Id, RenderOperation.Remix), (retake.StackId, retake.ParentVideoId, retake.Operation));
        var queue = await WithServiceAsync<ReviewQueueService, IReadOnlyList<QueueItem>>(q => q.ListAsync(reviewer, new QueueFilter()));
        Assert.Equal([retake.Id], queue.Select(q => q.VideoId));

        Assert.True((await WithServiceAsync<ReviewService, VideoHub.Features.Projects.Result>(s =>
            s.DecideAsync(reviewer, retake.Id, ReviewVerdict.Approve, null))).Succeeded);
        var stack = await WithServiceAsync<ReviewService, IReadOnlyList<TakeSummary>?>(s => s.StackAsync(reviewer, project, first.Id));
        Assert.Equal([retake.Id, first.Id], stack!.Select(t => t.Id));
        Assert.Equal([ReviewState.Approved, ReviewState.ChangesRequested], stack!.Select(t => t.ReviewState));
    }

    private async Task<Video> RenderAsync(Actor author, Guid project, string prompt, Guid? parent)
    {
        var created = await WithServiceAsync<RenderRequestService, RenderResult<RenderRequestView>>(s => s.CreateAsync(author,
            new NewRenderRequest(project, parent is null ? RenderOperation.Create : RenderOperation.Remix, prompt, "local", "sora-2",
                "1280x720", 4, PreCheckVerdict.Allowed, """{"verdict":"ok"}""", ParentVideoId: parent)));
        Assert.True(created.Succeeded, created.Message);
        var rows = await SweepUntilFinishedAsync([created.Value!.Id]);
        var row = Assert.Single(rows);
        Assert.Equal(RenderState.Ready, row.State);
        return await App.DbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.Id == row.VideoId));
    }
}
