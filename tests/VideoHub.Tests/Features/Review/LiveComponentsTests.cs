using Bunit;
using VideoHub.Domain.Review;
using VideoHub.Features.Review.Components;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Review;

/// <summary>The bell and the queue badge over the real services: they change live when someone else acts.</summary>
public sealed class LiveComponentsTests : ReviewTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Bell_ShowsTheUnreadCount_AndRisesLiveWhenMyTakeIsDecided()
    {
        var take = await TakeAsync(Editor);
        await using var asEditor = new MudTestContext(Factory, Editor.UserId, "editor");
        var cut = asEditor.Bunit.Render<NotificationBell>();
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("#notification-count").GetAttribute("data-unread")), Wait);

        await Review.DecideAsync(Reviewer, take.Id, ReviewVerdict.RequestChanges, "Brighter, please");

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#notification-count").GetAttribute("data-unread")), Wait);
    }

    [Fact]
    public async Task QueueBadge_CountsTakesAwaitingMe_AndDropsLiveWhenTheTakeIsDecided()
    {
        var take = await TakeAsync(Editor);
        await using var asReviewer = new MudTestContext(Factory, Reviewer.UserId, "reviewer");
        var cut = asReviewer.Bunit.Render<ReviewQueueBadge>();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#review-queue-count").GetAttribute("data-count")), Wait);

        await Review.DecideAsync(Owner, take.Id, ReviewVerdict.Reject, "Wrong brief");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#review-queue-count")), Wait);
    }
}
