using Bunit;
using VideoHub.Features.Review;
using VideoHub.Features.Review.Components;
using VideoHub.Features.Review.Pages;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Review;

/// <summary>The comment timeline and its markers, alone and on the review page over the real services.</summary>
public sealed class CommentTimelineTests : ReviewBunitTestBase
{
    private static CommentView Comment(double time, double? end = null, bool resolved = false, string? drawing = null) =>
        new(Guid.NewGuid(), null, "u", "ana", $"at {time}", time, end, drawing, resolved, resolved ? "bo" : null, DateTime.UtcNow, []);

    [Fact]
    public void Timeline_PlacesOneMarkerPerComment_AtItsShareOfTheDuration_AndARangeAsABand()
    {
        var cut = Test.Bunit.Render<CommentTimeline>(p => p
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
        var cut = Test.Bunit.Render<CommentTimeline>(p => p
            .Add(x => x.Duration, 4)
            .Add(x => x.Comments, [Comment(1.25), Comment(3.5)])
            .Add(x => x.OnSeek, t => sought = t));

        cut.FindAll("[data-testid=comment-marker]")[1].Click();

        Assert.Equal(3.5, sought);
    }

    [Fact]
    public void Timeline_MarksResolvedCommentsAndDrawings()
    {
        var cut = Test.Bunit.Render<CommentTimeline>(p => p
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

        var cut = Test.Bunit.Render<TakeReviewPage>(p => p.Add(x => x.Id, ProjectId).Add(x => x.VideoId, take.Id));

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
        Assert.Empty(cut.FindAll("[data-testid=stack-pick]"));
    }

    [Fact]
    public async Task ReviewPage_ACommentTakesThePlayersOwnTime_AndItsTimeCodeAndMarkerSeekThatPlayer()
    {
        var take = await TakeAsync(duration: 4);
        var script = Test.Bunit.JSInterop.SetupModule("/js/review-player.js");
        script.Setup<int>("init", _ => true).SetResult(7);
        script.Setup<double?>("currentTime", i => i.Arguments.Count == 1 && Equals(i.Arguments[0], 7)).SetResult(2.25);
        var cut = Test.Bunit.Render<TakeReviewPage>(p => p.Add(x => x.Id, ProjectId).Add(x => x.VideoId, take.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#comment-composer")), Wait);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("#review-keys").GetAttribute("data-bound")), Wait);

        cut.Find("#comment-text").Input("The gull crosses the sun");
        cut.Find("#comment-send").Click();

        cut.WaitForAssertion(() => Assert.Equal("2.25", cut.Find("[data-testid=comment-marker]").GetAttribute("data-time")), Wait);
        Assert.Equal(2.25, Assert.Single((await Review.GetAsync(Owner, ProjectId, take.Id))!.Comments).TimeSeconds);
        Assert.Contains("0:02.250", cut.Find("[data-testid=comment-time]").TextContent);
        Assert.Equal(take.Id.ToString(), cut.Find("#review-video").GetAttribute("data-take-id"));

        cut.Find("[data-testid=comment-time]").Click();
        cut.Find("[data-testid=comment-marker]").Click();

        var seeks = script.Invocations["seek"];
        Assert.Equal(2, seeks.Count);
        Assert.All(seeks, s => Assert.Equal([7, 2.25], s.Arguments.Select(a => Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task ReviewPage_WhenTheScriptNoLongerKnowsThePlayer_ACommentKeepsTheLastReportedTime_NotZero()
    {
        var take = await TakeAsync(duration: 4);
        var script = Test.Bunit.JSInterop.SetupModule("/js/review-player.js");
        script.Setup<int>("init", _ => true).SetResult(3);
        script.Setup<double?>("currentTime", _ => true).SetResult(null);
        var cut = Test.Bunit.Render<TakeReviewPage>(p => p.Add(x => x.Id, ProjectId).Add(x => x.VideoId, take.Id));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("#review-keys").GetAttribute("data-bound")), Wait);
        var player = cut.FindComponent<ReviewPlayer>();
        await cut.InvokeAsync(() => player.Instance.OnPlayerTime(1.75, true));

        cut.Find("#comment-text").Input("Lens flare");
        cut.Find("#comment-send").Click();

        cut.WaitForAssertion(() => Assert.Equal("1.75", cut.Find("[data-testid=comment-marker]").GetAttribute("data-time")), Wait);
    }
}
