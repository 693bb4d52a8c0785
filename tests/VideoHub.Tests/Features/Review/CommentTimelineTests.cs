using Bunit;
using VideoHub.Features.Review;
using VideoHub.Features.Review.Components;
using VideoHub.Features.Review.Pages;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Review;

/// <summary>The comment timeline and its markers, alone and on the review page over the real services.</summary>
public sealed class CommentTimelineTests : ReviewTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private MudTestContext test = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        test = new MudTestContext(Factory, Reviewer.UserId, "reviewer");
    }

    public override async Task DisposeAsync()
    {
        await test.DisposeAsync();
        await base.DisposeAsync();
    }

    private static CommentView Comment(double time, double? end = null, bool resolved = false, string? drawing = null) =>
        new(Guid.NewGuid(), null, "u", "ana", $"at {time}", time, end, drawing, resolved, resolved ? "bo" : null, DateTime.UtcNow, []);

    [Fact]
    public void Timeline_PlacesOneMarkerPerComment_AtItsShareOfTheDuration_AndARangeAsABand()
    {
        var cut = test.Bunit.Render<CommentTimeline>(p => p
            .Add(x => x.Duration, 8)
            .Add(x => x.Comments, [Comment(2), Comment(4, end: 6), Comment(8)])
            .Add(x => x.CurrentTime, 2));

        var markers = cut.FindAll("[data-testid=comment-marker]");
        Assert.Equal(3, markers.Count);
        Assert.StartsWith("left:25%", markers[0].GetAttribute("style"));
        Assert.Equal("left:50%;width:25%;", markers[1].GetAttribute("style"));
        Assert.Contains("vh-marker-range", markers[1].ClassList);
        Assert.StartsWith("left:100%", markers[2].GetAttribute("style"));
        Assert.Equal("left:25%", cut.Find("[data-testid=playhead]").GetAttribute("style"));
    }

    [Fact]
    public void Timeline_ClickOnAMarker_SeeksToItsTime()
    {
        double? sought = null;
        var cut = test.Bunit.Render<CommentTimeline>(p => p
            .Add(x => x.Duration, 4)
            .Add(x => x.Comments, [Comment(1.25), Comment(3.5)])
            .Add(x => x.OnSeek, t => sought = t));

        cut.FindAll("[data-testid=comment-marker]")[1].Click();

        Assert.Equal(3.5, sought);
    }

    [Fact]
    public void Timeline_MarksResolvedCommentsAndDrawings()
    {
        var cut = test.Bunit.Render<CommentTimeline>(p => p
            .Add(x => x.Duration, 4)
            .Add(x => x.Comments, [Comment(1, resolved: true), Comment(2, drawing: "[]")]));

        var markers = cut.FindAll("[data-testid=comment-marker]");
        Assert.Equal("true", markers[0].GetAttribute("data-resolved"));
        Assert.Contains("vh-marker-resolved", markers[0].ClassList);
        Assert.Contains("vh-marker-drawing", markers[1].ClassList);
    }

    [Fact]
    public async Task ReviewPage_ShowsAMarkerAndAListEntryForEachComment_AndTheDecisionButtonsForAReviewer()
    {
        var take = await TakeAsync(duration: 4);
        await Review.AddCommentAsync(Editor, take.Id, new CommentInput { Body = "Horizon tilts @reviewer", TimeSeconds = 1 });
        await Review.AddCommentAsync(Owner, take.Id, new CommentInput { Body = "Cut here", TimeSeconds = 3, EndSeconds = 4 });

        var cut = test.Bunit.Render<TakeReviewPage>(p => p.Add(x => x.Id, ProjectId).Add(x => x.VideoId, take.Id));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=comment-marker]").Count), Wait);
        Assert.Equal(["1", "3"], cut.FindAll("[data-testid=comment-marker]").Select(m => m.GetAttribute("data-time")));
        var list = cut.FindAll("[data-testid=comment]");
        Assert.Equal(2, list.Count);
        Assert.Contains("0:01.000", list[0].TextContent);
        Assert.Equal("@reviewer", cut.Find("[data-testid=mention]").TextContent);
        Assert.Contains("0:03.000–0:04.000", list[1].TextContent);
        Assert.NotNull(cut.Find("#decide-approve"));
        Assert.NotNull(cut.Find("#comment-composer"));
    }

    [Fact]
    public async Task ReviewPage_ForAViewer_ShowsCommentsButNoComposerOrDecisions()
    {
        var take = await TakeAsync();
        await Review.AddCommentAsync(Editor, take.Id, new CommentInput { Body = "Look", TimeSeconds = 2 });
        await using var asViewer = new MudTestContext(Factory, Viewer.UserId, "viewer");

        var cut = asViewer.Bunit.Render<TakeReviewPage>(p => p.Add(x => x.Id, ProjectId).Add(x => x.VideoId, take.Id));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=comment-marker]")), Wait);
        Assert.Empty(cut.FindAll("#comment-composer"));
        Assert.Empty(cut.FindAll("#decide-approve"));
        Assert.Empty(cut.FindAll("[data-testid=resolve-toggle]"));
    }
}
