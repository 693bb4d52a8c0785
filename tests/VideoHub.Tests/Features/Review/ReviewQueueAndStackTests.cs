using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Features.Review;

namespace VideoHub.Tests.Features.Review;

public sealed class ReviewQueueAndStackTests : ReviewTestBase
{
    [Fact]
    public async Task Queue_ListsPendingTakesOldestFirst_AndDropsThoseIHaveDecided()
    {
        var oldest = await TakeAsync(prompt: "oldest");
        var middle = await TakeAsync(prompt: "middle");
        var newest = await TakeAsync(prompt: "newest");
        await Review.DecideAsync(Reviewer, middle.Id, ReviewVerdict.Approve, null);

        var mine = await Queue.ListAsync(Reviewer, new QueueFilter());

        Assert.Equal([oldest.Id, newest.Id], mine.Select(q => q.VideoId));
        Assert.Equal(2, await Queue.CountAsync(Reviewer));
        Assert.Empty(await Queue.ListAsync(Editor, new QueueFilter()));
        Assert.Empty(await Queue.ListAsync(Viewer, new QueueFilter()));
        Assert.Empty(await Queue.ListAsync(Stranger, new QueueFilter()));
    }

    [Fact]
    public async Task Queue_WithTwoApprovalsRequired_KeepsATakeForTheOtherReviewer()
    {
        await SetApprovalsRequiredAsync(2);
        var take = await TakeAsync();
        await Review.DecideAsync(Reviewer, take.Id, ReviewVerdict.Approve, null);

        Assert.Empty(await Queue.ListAsync(Reviewer, new QueueFilter()));
        var item = Assert.Single(await Queue.ListAsync(Owner, new QueueFilter()));
        Assert.Equal((1, 2), (item.Approvals, item.ApprovalsRequired));
    }

    [Fact]
    public async Task Queue_FiltersByProjectAuthorModelAndAge()
    {
        var other = await ProjectAsync(Owner, "Other", (Reviewer, Domain.Projects.ProjectRole.Reviewer));
        var old = await TakeAsync(Editor, model: "sora-2");
        Factory.Clock.Advance(TimeSpan.FromHours(5));
        var byOwner = await TakeAsync(Owner, model: "sora-2-pro");
        var elsewhere = await TakeAsync(Editor, project: other);

        Assert.Equal([elsewhere.Id], (await Queue.ListAsync(Reviewer, new QueueFilter(ProjectId: other))).Select(q => q.VideoId));
        Assert.Equal([byOwner.Id], (await Queue.ListAsync(Reviewer, new QueueFilter(AuthorId: Owner.UserId))).Select(q => q.VideoId));
        Assert.Equal([byOwner.Id], (await Queue.ListAsync(Reviewer, new QueueFilter(Model: "sora-2-pro"))).Select(q => q.VideoId));
        Assert.Equal([old.Id], (await Queue.ListAsync(Reviewer, new QueueFilter(MinAgeHours: 4))).Select(q => q.VideoId));
        var facets = await Queue.FacetsAsync(Reviewer);
        Assert.Equal(2, facets.Projects.Count);
        Assert.Equal(["sora-2", "sora-2-pro"], facets.Models);
    }

    [Fact]
    public async Task Retake_JoinsTheStack_AndTheApprovedTakeIsOnTop()
    {
        var first = await TakeAsync(prompt: "first");
        await Review.DecideAsync(Reviewer, first.Id, ReviewVerdict.RequestChanges, "Slower");
        var retake = await TakeAsync(prompt: "retake", parent: first);
        var third = await TakeAsync(prompt: "third", parent: retake);
        var unrelated = await TakeAsync(prompt: "unrelated");

        Assert.Equal([third.Id, retake.Id, first.Id], (await Review.StackAsync(Owner, ProjectId, first.Id))!.Select(t => t.Id));

        await Review.DecideAsync(Reviewer, retake.Id, ReviewVerdict.Approve, null);
        var view = (await Review.GetAsync(Owner, ProjectId, retake.Id))!;

        Assert.Equal([retake.Id, third.Id, first.Id], view.Stack.Select(t => t.Id));
        Assert.Equal(ReviewState.Approved, view.Stack[0].ReviewState);
        Assert.Equal(first.Id, view.Parent!.Id);
        Assert.Equal([third.Id], view.Children.Select(c => c.Id));
        Assert.DoesNotContain(view.Stack, t => t.Id == unrelated.Id);
    }

    [Fact]
    public async Task Compare_ShowsThePromptDiffAndWhichParametersDiffer()
    {
        var a = await TakeAsync(prompt: "A red kite over the dunes at noon");
        var b = await TakeAsync(prompt: "A red kite over the sea at dusk", model: "sora-2-pro", parent: a);

        var c = (await Review.CompareAsync(Viewer, ProjectId, a.Id, b.Id))!;

        Assert.Contains(c.PromptDiff, p => p is { Kind: DiffKind.Removed, Text: "dunes" });
        Assert.Contains(c.PromptDiff, p => p is { Kind: DiffKind.Added, Text: "sea" });
        Assert.Contains(c.PromptDiff, p => p is { Kind: DiffKind.Same, Text: "A red kite over the" });
        Assert.True(c.Parameters.Single(p => p.Name == "Model").Differs);
        Assert.False(c.Parameters.Single(p => p.Name == "Size").Differs);
        Assert.Null(await Review.CompareAsync(Viewer, ProjectId, a.Id, Guid.NewGuid()));
    }

    [Fact]
    public async Task Report_HasPromptParametersDecisionsAndTimeCodedComments_ForASelection()
    {
        var a = await TakeAsync(prompt: "=HYPERLINK(\"x\") kite");
        var b = await TakeAsync(prompt: "not selected");
        await Review.DecideAsync(Reviewer, a.Id, ReviewVerdict.RequestChanges, "More wind, please");
        await Review.AddCommentAsync(Editor, a.Id, new CommentInput { Body = "Kite clips the frame", TimeSeconds = 1.5, EndSeconds = 2 });

        var csv = System.Text.Encoding.UTF8.GetString(await Reports.CsvAsync(Owner, ProjectId, [a.Id]) ?? []);

        Assert.Contains("'=HYPERLINK", csv);
        Assert.Contains("reviewer: Requested changes — More wind, please", csv);
        Assert.Contains("[0:01.500–0:02.000] editor: Kite clips the frame", csv);
        Assert.DoesNotContain("not selected", csv);
        Assert.DoesNotContain(b.Id.ToString(), csv);
        Assert.StartsWith("\uFEFFtake_id,", csv);
    }
}
