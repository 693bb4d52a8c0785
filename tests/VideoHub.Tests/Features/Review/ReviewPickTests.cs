using VideoHub.Domain.Audit;
using VideoHub.Domain.Review;
using VideoHub.Features.Projects;
using VideoHub.Features.Review;

namespace VideoHub.Tests.Features.Review;

/// <summary>Picking the take a version stack goes with, and the review queue narrowed to one batch.</summary>
public sealed class ReviewPickTests : ReviewTestBase
{
    [Fact]
    public async Task Pick_PutsTheTakeOnTopOfItsStack_AboveAnApprovedTake_AndUnpicksTheStacksFormerPick()
    {
        var first = await TakeAsync(prompt: "first");
        var retake = await TakeAsync(prompt: "retake", parent: first);
        var third = await TakeAsync(prompt: "third", parent: retake);
        var elsewhere = await TakeAsync(prompt: "another stack");
        Assert.True((await Review.PickAsync(Editor, elsewhere.Id, true)).Succeeded);
        await Review.DecideAsync(Reviewer, retake.Id, ReviewVerdict.Approve, null);

        Assert.Equal(ResultStatus.Ok, (await Review.PickAsync(Editor, first.Id, true)).Status);
        var stack = (await Review.GetAsync(Owner, ProjectId, third.Id))!.Stack;
        Assert.Equal([first.Id, retake.Id, third.Id], stack.Select(t => t.Id));
        Assert.True(stack[0].IsPicked);

        Assert.Equal(ResultStatus.Ok, (await Review.PickAsync(Reviewer, third.Id, true)).Status);
        stack = (await Review.StackAsync(Owner, ProjectId, first.StackId))!;
        Assert.Equal([third.Id, retake.Id, first.Id], stack.Select(t => t.Id));
        Assert.Equal([true, false, false], stack.Select(t => t.IsPicked));
        Assert.True((await ReloadTakeAsync(elsewhere.Id)).IsPicked);

        var audit = await AuditAsync(AuditActions.ReviewTakePicked);
        Assert.Contains(audit, e => e.EntityId == third.Id.ToString() && e.ActorId == Reviewer.UserId && e.Summary.Contains(first.Id.ToString("N")));
    }

    [Fact]
    public async Task Unpick_TakesThePickBack_TheApprovedTakeIsOnTopAgain_AndIsAudited()
    {
        var first = await TakeAsync(prompt: "first");
        var retake = await TakeAsync(prompt: "retake", parent: first);
        await Review.DecideAsync(Reviewer, retake.Id, ReviewVerdict.Approve, null);
        await Review.PickAsync(Owner, first.Id, true);

        Assert.Equal(ResultStatus.Ok, (await Review.PickAsync(Owner, first.Id, false)).Status);

        Assert.Equal([retake.Id, first.Id], (await Review.StackAsync(Owner, ProjectId, first.StackId))!.Select(t => t.Id));
        Assert.False((await ReloadTakeAsync(first.Id)).IsPicked);
        var unpicked = Assert.Single(await AuditAsync(AuditActions.ReviewTakeUnpicked));
        Assert.Equal((first.Id.ToString(), "True", "False"), (unpicked.EntityId, unpicked.Before, unpicked.After));
    }

    [Theory]
    [InlineData("Owner", ResultStatus.Ok)]
    [InlineData("Reviewer", ResultStatus.Ok)]
    [InlineData("Editor", ResultStatus.Ok)]
    [InlineData("Admin", ResultStatus.Ok)]
    [InlineData("Viewer", ResultStatus.Forbidden)]
    [InlineData("NonMember", ResultStatus.NotFound)]
    public async Task Pick_AsEachRole(string role, ResultStatus expected)
    {
        var take = await TakeAsync();

        var result = await Review.PickAsync(Who(role), take.Id, true);

        Assert.Equal(expected, result.Status);
        Assert.Equal(expected == ResultStatus.Ok, (await ReloadTakeAsync(take.Id)).IsPicked);
        Assert.Equal(expected == ResultStatus.Ok ? 1 : 0, (await AuditAsync(AuditActions.ReviewTakePicked)).Count);
    }

    [Fact]
    public async Task Pick_InAnArchivedProject_IsRefusedAndChangesNothing()
    {
        var take = await TakeAsync();
        Assert.True((await Projects.ArchiveAsync(Owner, ProjectId)).Succeeded);

        Assert.Equal(ResultStatus.Forbidden, (await Review.PickAsync(Owner, take.Id, true)).Status);
        Assert.False((await ReloadTakeAsync(take.Id)).IsPicked);
    }

    [Fact]
    public async Task PickOfAnotherTake_ReachesTheTakePagesSubscription_SoItsStackReorders()
    {
        var first = await TakeAsync();
        var retake = await TakeAsync(parent: first);
        var heard = new TaskCompletionSource<ReviewChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = await Review.SubscribeToTakeAsync(Viewer, first.Id, c => { heard.TrySetResult(c); return Task.CompletedTask; });

        await Review.PickAsync(Editor, retake.Id, true);

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((retake.Id, ReviewChangeKind.Pick), (change.VideoId, change.Kind));
    }

    [Fact]
    public async Task Queue_ForABatch_ListsOnlyThatBatchsTakes_AndAnotherProjectsBatchShowsNothing()
    {
        var (batch, inBatch, secretBatch, secret) = await TwoBatchesAsync();

        Assert.Equal([inBatch.Id], (await Queue.ListAsync(Reviewer, new QueueFilter(BatchId: batch))).Select(q => q.VideoId));
        Assert.Equal("Night shots", await Queue.BatchNameAsync(Reviewer, batch));
        Assert.Empty(await Queue.ListAsync(Reviewer, new QueueFilter(BatchId: secretBatch)));
        Assert.Null(await Queue.BatchNameAsync(Reviewer, secretBatch));
        Assert.Null(await Queue.BatchNameAsync(Reviewer, Guid.NewGuid()));
        Assert.Equal([secret.Id], (await Queue.ListAsync(Stranger, new QueueFilter(BatchId: secretBatch))).Select(q => q.VideoId));
    }
}
