using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Features.Projects;
using VideoHub.Features.Review;
using VideoHub.Features.Review.Notifications;

namespace VideoHub.Tests.Features.Review;

/// <summary>Who may decide, comment and read, over every role and a non-member, including live updates and the report.</summary>
public sealed class ReviewAccessTests : ReviewTestBase
{
    [Theory]
    [InlineData("Owner", ResultStatus.Ok)]
    [InlineData("Reviewer", ResultStatus.Ok)]
    [InlineData("Admin", ResultStatus.Ok)]
    [InlineData("Editor", ResultStatus.Forbidden)]
    [InlineData("Viewer", ResultStatus.Forbidden)]
    [InlineData("NonMember", ResultStatus.NotFound)]
    public async Task Decide_AsEachRole(string role, ResultStatus expected)
    {
        var take = await TakeAsync();

        var result = await Review.DecideAsync(Who(role), take.Id, ReviewVerdict.Approve, null);

        Assert.Equal(expected, result.Status);
        Assert.Equal(expected == ResultStatus.Ok ? ReviewState.Approved : ReviewState.Pending, (await ReloadTakeAsync(take.Id)).ReviewState);
    }

    [Theory]
    [InlineData("Owner", ResultStatus.Ok)]
    [InlineData("Reviewer", ResultStatus.Ok)]
    [InlineData("Editor", ResultStatus.Ok)]
    [InlineData("Admin", ResultStatus.Ok)]
    [InlineData("Viewer", ResultStatus.Forbidden)]
    [InlineData("NonMember", ResultStatus.NotFound)]
    public async Task Comment_AsEachRole(string role, ResultStatus expected)
    {
        var take = await TakeAsync();

        var result = await Review.AddCommentAsync(Who(role), take.Id, new CommentInput { Body = "Too dark here", TimeSeconds = 1.5 });

        Assert.Equal(expected, result.Status);
        Assert.Equal(expected == ResultStatus.Ok ? 1 : 0, (await Review.GetAsync(Owner, ProjectId, take.Id))!.Comments.Count);
    }

    [Theory]
    [InlineData("Owner", true)]
    [InlineData("Reviewer", true)]
    [InlineData("Editor", true)]
    [InlineData("Viewer", true)]
    [InlineData("Admin", true)]
    [InlineData("NonMember", false)]
    public async Task Read_TakeStackCompareAndReport_AsEachRole(string role, bool allowed)
    {
        var take = await TakeAsync();
        var retake = await TakeAsync(parent: take);
        var who = Who(role);

        Assert.Equal(allowed, await Review.GetAsync(who, ProjectId, take.Id) is not null);
        Assert.Equal(allowed, await Review.StackAsync(who, ProjectId, take.StackId) is not null);
        Assert.Equal(allowed, await Review.CompareAsync(who, ProjectId, take.Id, retake.Id) is not null);
        Assert.Equal(allowed, await Reports.BuildAsync(who, ProjectId, null) is not null);
        Assert.Equal(allowed, await Reports.CsvAsync(who, ProjectId, null) is not null);
        Assert.Equal(allowed, (await Review.MentionCandidatesAsync(who, ProjectId)).Count > 0);
    }

    [Theory]
    [InlineData("Owner", true)]
    [InlineData("Viewer", true)]
    [InlineData("Admin", true)]
    [InlineData("NonMember", false)]
    public async Task TakeSubscription_IsOnlyGrantedToThoseWhoMayRead(string role, bool allowed)
    {
        var take = await TakeAsync();
        var heard = new TaskCompletionSource<ReviewChange>(TaskCreationOptions.RunContinuationsAsynchronously);

        using var subscription = await Review.SubscribeToTakeAsync(Who(role), take.Id, c => { heard.TrySetResult(c); return Task.CompletedTask; });

        Assert.Equal(allowed, subscription is not null);
        if (!allowed) return;
        await Review.AddCommentAsync(Reviewer, take.Id, new CommentInput { Body = "Live", TimeSeconds = 1 });
        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((take.Id, ReviewChangeKind.Comment), (change.VideoId, change.Kind));
    }

    [Theory]
    [InlineData("Owner", 1)]
    [InlineData("Reviewer", 1)]
    [InlineData("Admin", 1)]
    [InlineData("Editor", 0)]
    [InlineData("Viewer", 0)]
    [InlineData("NonMember", 0)]
    public async Task QueueSubscription_ListensOnlyToProjectsWhereTheUserDecides(string role, int projects)
    {
        var hub = Service<LiveHub<Guid, ReviewChange>>();
        var before = hub.SubscriberCount(ProjectId);

        using var subscription = await Queue.SubscribeAsync(Who(role), () => Task.CompletedTask);

        Assert.Equal(before + projects, hub.SubscriberCount(ProjectId));
    }

    [Fact]
    public async Task QueueSubscription_HearsADecision_AndAfterRemovalTheFormerMemberListensToNothing()
    {
        var take = await TakeAsync();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (await Queue.SubscribeAsync(Reviewer, () => { heard.TrySetResult(); return Task.CompletedTask; }))
        {
            await Review.DecideAsync(Owner, take.Id, ReviewVerdict.Approve, null);
            await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True((await Projects.RemoveMemberAsync(Owner, ProjectId, Reviewer.UserId)).Succeeded);
        var hub = Service<LiveHub<Guid, ReviewChange>>();
        var before = hub.SubscriberCount(ProjectId);
        using var again = await Queue.SubscribeAsync(Reviewer, () => Task.CompletedTask);
        Assert.Equal(before, hub.SubscriberCount(ProjectId));
        Assert.Null(await Review.SubscribeToTakeAsync(Reviewer, take.Id, _ => Task.CompletedTask));
    }

    [Fact]
    public async Task NotificationSubscription_IsKeyedToTheActor_SoNobodyHearsAnotherUsersBell()
    {
        var hub = Service<LiveHub<string, NotificationChange>>();

        using var subscription = Notifications.Subscribe(Stranger, _ => Task.CompletedTask);

        Assert.Equal(1, hub.SubscriberCount(Stranger.UserId));
        Assert.Equal(0, hub.SubscriberCount(Owner.UserId));
    }
}
