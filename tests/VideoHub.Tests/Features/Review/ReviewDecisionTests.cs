using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Notifications;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Features.Projects;

namespace VideoHub.Tests.Features.Review;

public sealed class ReviewDecisionTests : ReviewTestBase
{
    [Fact]
    public async Task Approve_WithOneApprovalRequired_ApprovesTheTake_AndIsAudited()
    {
        var take = await TakeAsync();

        var result = await Review.DecideAsync(Reviewer, take.Id, ReviewVerdict.Approve, null);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(ReviewState.Approved, (await ReloadTakeAsync(take.Id)).ReviewState);
        var audit = Assert.Single(await AuditAsync(AuditActions.ReviewApproved));
        Assert.Equal(take.Id.ToString(), audit.EntityId);
        Assert.Equal(("Pending", "Approved"), (audit.Before, audit.After));
    }

    [Fact]
    public async Task Approve_WhenTwoApprovalsAreRequired_StaysPendingUntilASecondReviewerApproves()
    {
        await SetApprovalsRequiredAsync(2);
        var take = await TakeAsync();

        Assert.True((await Review.DecideAsync(Reviewer, take.Id, ReviewVerdict.Approve, null)).Succeeded);
        Assert.Equal(ReviewState.Pending, (await ReloadTakeAsync(take.Id)).ReviewState);
        // The same reviewer approving again does not count twice.
        Assert.True((await Review.DecideAsync(Reviewer, take.Id, ReviewVerdict.Approve, null)).Succeeded);
        Assert.Equal(ReviewState.Pending, (await ReloadTakeAsync(take.Id)).ReviewState);

        Assert.True((await Review.DecideAsync(Owner, take.Id, ReviewVerdict.Approve, null)).Succeeded);
        Assert.Equal(ReviewState.Approved, (await ReloadTakeAsync(take.Id)).ReviewState);
        var view = await Review.GetAsync(Owner, ProjectId, take.Id);
        Assert.Equal(2, view!.CurrentApprovals);
    }

    [Fact]
    public async Task Reject_AfterAnApproval_RejectsTheTake_AndKeepsTheApprovalInTheHistory()
    {
        var take = await TakeAsync();
        await Review.DecideAsync(Reviewer, take.Id, ReviewVerdict.Approve, null);
        Assert.Equal(ReviewState.Approved, (await ReloadTakeAsync(take.Id)).ReviewState);

        var result = await Review.DecideAsync(Owner, take.Id, ReviewVerdict.Reject, "The logo is wrong.");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(ReviewState.Rejected, (await ReloadTakeAsync(take.Id)).ReviewState);
        var history = (await Review.GetAsync(Admin, ProjectId, take.Id))!.Decisions;
        Assert.Equal([ReviewVerdict.Reject, ReviewVerdict.Approve], history.Select(d => d.Verdict));
        Assert.All(history, d => Assert.True(d.IsCurrent));
        Assert.Equal("The logo is wrong.", history[0].Note);
    }

    [Fact]
    public async Task NewerDecision_SupersedesTheReviewersOlderOne()
    {
        var take = await TakeAsync();
        await Review.DecideAsync(Reviewer, take.Id, ReviewVerdict.RequestChanges, "Slower camera, please.");
        Assert.Equal(ReviewState.ChangesRequested, (await ReloadTakeAsync(take.Id)).ReviewState);

        await Review.DecideAsync(Reviewer, take.Id, ReviewVerdict.Approve, null);

        Assert.Equal(ReviewState.Approved, (await ReloadTakeAsync(take.Id)).ReviewState);
        var rows = await DbAsync(db => db.ReviewDecisions.AsNoTracking().Where(d => d.VideoId == take.Id).OrderBy(d => d.CreatedAt).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.NotNull(rows[0].SupersededAt);
        Assert.Null(rows[1].SupersededAt);
    }

    [Theory]
    [InlineData(ReviewVerdict.RequestChanges)]
    [InlineData(ReviewVerdict.Reject)]
    public async Task DecisionThatNeedsANote_WithoutOne_IsRefusedAndChangesNothing(ReviewVerdict verdict)
    {
        var take = await TakeAsync();

        var result = await Review.DecideAsync(Reviewer, take.Id, verdict, "   ");

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.NotNull(result.ErrorFor("Note"));
        Assert.Equal(ReviewState.Pending, (await ReloadTakeAsync(take.Id)).ReviewState);
        Assert.Equal(0, await DbAsync(db => db.ReviewDecisions.CountAsync()));
    }

    [Fact]
    public async Task Decision_NotifiesTheTakesAuthor_WithALinkToTheReviewPage()
    {
        var take = await TakeAsync(Editor);

        await Review.DecideAsync(Reviewer, take.Id, ReviewVerdict.RequestChanges, "Warmer light.");

        var mine = await Notifications.ListAsync(Editor);
        var n = Assert.Single(mine, x => x.Kind == NotificationKind.ReviewDecision);
        Assert.Contains("Warmer light.", n.Body);
        Assert.Equal($"/projects/{ProjectId}/takes/{take.Id}/review", n.Link);
        Assert.Equal(1, await Notifications.UnreadCountAsync(Editor));
        await Notifications.MarkReadAsync(Reviewer, n.Id); // someone else's id changes nothing
        Assert.Equal(1, await Notifications.UnreadCountAsync(Editor));
        await Notifications.MarkReadAsync(Editor, n.Id);
        Assert.Equal(0, await Notifications.UnreadCountAsync(Editor));
    }
}
