using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Notifications;
using VideoHub.Features.Projects;
using VideoHub.Features.Review;

namespace VideoHub.Tests.Features.Review;

public sealed class ReviewCommentTests : ReviewTestBase
{
    [Fact]
    public async Task Comment_OnARange_IsListedInTimeOrder()
    {
        var take = await TakeAsync();
        await Review.AddCommentAsync(Reviewer, take.Id, new CommentInput { Body = "Second", TimeSeconds = 3.2 });
        var first = await Review.AddCommentAsync(Editor, take.Id, new CommentInput { Body = "First", TimeSeconds = 0.5, EndSeconds = 1.25 });

        var comments = (await Review.GetAsync(Viewer, ProjectId, take.Id))!.Comments;

        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(["First", "Second"], comments.Select(c => c.Body));
        Assert.Equal((0.5, (double?)1.25), (comments[0].TimeSeconds, comments[0].EndSeconds));
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(9, null)]
    [InlineData(2, 1.0)]
    [InlineData(2, 9.0)]
    public async Task Comment_OutsideTheTakeOrWithABackwardRange_IsRefused(double time, double? end)
    {
        var take = await TakeAsync(duration: 4);

        var result = await Review.AddCommentAsync(Reviewer, take.Id, new CommentInput { Body = "x", TimeSeconds = time, EndSeconds = end });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(0, await DbAsync(db => db.ReviewComments.CountAsync()));
    }

    [Fact]
    public async Task Reply_InheritsTheTimeCode_AndNotifiesTheCommentsAuthor()
    {
        var take = await TakeAsync();
        var root = (await Review.AddCommentAsync(Reviewer, take.Id, new CommentInput { Body = "Flicker here", TimeSeconds = 2 })).Value;

        var reply = await Review.AddCommentAsync(Editor, take.Id, new CommentInput { Body = "Fixed in the retake", TimeSeconds = 0, ParentCommentId = root });

        Assert.True(reply.Succeeded, reply.Message);
        var thread = Assert.Single((await Review.GetAsync(Owner, ProjectId, take.Id))!.Comments);
        var r = Assert.Single(thread.Replies);
        Assert.Equal(2, r.TimeSeconds);
        var n = Assert.Single(await Notifications.ListAsync(Reviewer), x => x.Kind == NotificationKind.Reply);
        Assert.Contains("editor replied", n.Title);
    }

    [Fact]
    public async Task Mention_OfAProjectMember_NotifiesThemAndIsStored_ButNotOfAStranger()
    {
        var take = await TakeAsync();

        var result = await Review.AddCommentAsync(Editor, take.Id,
            new CommentInput { Body = "@reviewer can you check the sky? cc @stranger", TimeSeconds = 1 });

        Assert.True(result.Succeeded, result.Message);
        var n = Assert.Single(await Notifications.ListAsync(Reviewer));
        Assert.Equal(NotificationKind.Mention, n.Kind);
        Assert.Contains("?t=1", n.Link);
        Assert.Empty(await Notifications.ListAsync(Stranger));
        var mention = Assert.Single(await DbAsync(db => db.ReviewCommentMentions.AsNoTracking().ToListAsync()));
        Assert.Equal((result.Value, Reviewer.UserId), (mention.CommentId, mention.UserId));
    }

    [Fact]
    public async Task Drawing_IsStoredAsNormalisedCoordinates_AndAnInvalidOneIsRefused()
    {
        var take = await TakeAsync();

        var ok = await Review.AddCommentAsync(Reviewer, take.Id, new CommentInput
        {
            Body = "Here", TimeSeconds = 1, DrawingJson = """[{"color":"#00ff00","points":[[0.1,0.2],[1.7,-0.3]]}]""",
        });
        var bad = await Review.AddCommentAsync(Reviewer, take.Id, new CommentInput { Body = "Bad", TimeSeconds = 1, DrawingJson = "[{\"points\":[[1]]}]" });

        Assert.True(ok.Succeeded, ok.Message);
        Assert.Equal(ResultStatus.Invalid, bad.Status);
        var stroke = Assert.Single(Drawing.Read(Assert.Single((await Review.GetAsync(Owner, ProjectId, take.Id))!.Comments).DrawingJson));
        Assert.Equal("#00ff00", stroke.Color);
        Assert.Equal([0.1, 0.2], stroke.Points[0]);
        Assert.Equal([1.0, 0.0], stroke.Points[1]);
    }

    [Fact]
    public async Task Resolve_ThenReopen_ByAnEditor_AndAViewerMayNot()
    {
        var take = await TakeAsync();
        var id = (await Review.AddCommentAsync(Reviewer, take.Id, new CommentInput { Body = "Fix", TimeSeconds = 1 })).Value;

        Assert.Equal(ResultStatus.Forbidden, (await Review.SetResolvedAsync(Viewer, id, true)).Status);
        Assert.Equal(ResultStatus.NotFound, (await Review.SetResolvedAsync(Stranger, id, true)).Status);
        Assert.True((await Review.SetResolvedAsync(Editor, id, true)).Succeeded);
        var resolved = Assert.Single((await Review.GetAsync(Owner, ProjectId, take.Id))!.Comments);
        Assert.True(resolved.IsResolved);
        Assert.Equal("editor", resolved.ResolvedBy);

        Assert.True((await Review.SetResolvedAsync(Editor, id, false)).Succeeded);
        Assert.False(Assert.Single((await Review.GetAsync(Owner, ProjectId, take.Id))!.Comments).IsResolved);
    }
}
