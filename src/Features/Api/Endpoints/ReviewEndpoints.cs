using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Review;

namespace VideoHub.Features.Api.Endpoints;

public sealed record ApiComment(Guid Id, Guid? ParentCommentId, string AuthorName, string Body, double TimeSeconds, double? EndSeconds,
    bool HasDrawing, bool IsResolved, string? ResolvedBy, DateTime CreatedAt, IReadOnlyList<ApiComment> Replies)
{
    public static ApiComment From(CommentView c) => new(c.Id, c.ParentCommentId, c.AuthorName, c.Body, c.TimeSeconds, c.EndSeconds,
        c.HasDrawing, c.IsResolved, c.ResolvedBy, c.CreatedAt, c.Replies.Select(From).ToList());
}

/// <summary>A comment at a time code of the take (seconds), optionally a range; or a reply to a comment (its time is the thread's).</summary>
public sealed record ApiNewComment
{
    public string Body { get; init; } = "";
    public double? TimeSeconds { get; init; }
    public double? EndSeconds { get; init; }
    public Guid? ParentCommentId { get; init; }
}

/// <summary>Approve, RequestChanges or Reject; a note is required for the last two.</summary>
public sealed record ApiNewDecision
{
    public ReviewVerdict? Verdict { get; init; }
    public string? Note { get; init; }
}

public sealed record ApiDecision(Guid Id, string ReviewerName, ReviewVerdict Verdict, string? Note, DateTime CreatedAt, bool IsCurrent);

public sealed record ApiReview(Guid TakeId, ReviewState ReviewState, int Approvals, int ApprovalsRequired, IReadOnlyList<ApiDecision> Decisions)
{
    public static ApiReview From(TakeReview r) => new(r.Take.Id, r.Take.ReviewState, r.CurrentApprovals, r.ApprovalsRequired,
        r.Decisions.Select(d => new ApiDecision(d.Id, d.ReviewerName, d.Verdict, d.Note, d.CreatedAt, d.IsCurrent)).ToList());
}

/// <summary>/api/v1/takes/{id}: review comments and decisions, through the review service (same roles as the review page).</summary>
public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var takes = api.MapGroup("/takes").WithTags("Review");

        takes.MapGet("/{takeId:guid}/comments", async Task<IResult> (Guid takeId, ApiCaller caller, ApiTakeProject takes,
            ReviewService review, CancellationToken ct) =>
            await ReviewOfAsync(caller, takes, review, takeId, ct) is { } r
                ? TypedResults.Ok(r.Comments.Select(ApiComment.From).ToList()) : ApiProblems.NotFound())
            .WithName("ListComments").WithSummary("The take's comments by time code, each with its replies.")
            .Produces<List<ApiComment>>().ProducesProblem(404);

        takes.MapPost("/{takeId:guid}/comments", async Task<IResult> (Guid takeId, ApiNewComment body, ApiCaller caller, HttpContext http,
            ApiTakeProject takes, ReviewService review, Idempotency idempotency, CancellationToken ct) =>
            await idempotency.RunAsync(http, caller, new { takeId, body }, async () =>
            {
                if (body.TimeSeconds is null && body.ParentCommentId is null)
                    return ApiAnswer.FromProblem(ApiProblems.Invalid("Say where in the take the comment belongs.",
                        new Dictionary<string, string[]> { ["timeSeconds"] = ["Give the time code in seconds."] }));
                var result = await review.AddCommentAsync(caller.Require(), takeId, new CommentInput
                {
                    Body = body.Body, TimeSeconds = body.TimeSeconds ?? 0, EndSeconds = body.EndSeconds, ParentCommentId = body.ParentCommentId,
                }, ct);
                if (!result.Succeeded) return ApiAnswer.FromProblem(ApiProblems.From(result));
                var comments = (await ReviewOfAsync(caller, takes, review, takeId, ct))!.Comments;
                var created = comments.Concat(comments.SelectMany(c => c.Replies)).First(c => c.Id == result.Value);
                return new ApiAnswer(201, ApiComment.From(created), $"/api/v1/takes/{takeId}/comments");
            }))
            .WithName("AddComment").WithMetadata(new IdempotentCreateMetadata())
            .WithSummary("Adds a comment at a time code (Editors, Reviewers, Owners); @handles notify project members.")
            .Produces<ApiComment>(201).ProducesValidationProblem(422).ProducesProblem(403).ProducesProblem(404);

        takes.MapGet("/{takeId:guid}/review", async Task<IResult> (Guid takeId, ApiCaller caller, ApiTakeProject takes,
            ReviewService review, CancellationToken ct) =>
            await ReviewOfAsync(caller, takes, review, takeId, ct) is { } r ? TypedResults.Ok(ApiReview.From(r)) : ApiProblems.NotFound())
            .WithName("GetReview").WithSummary("The take's review state and every reviewer's decisions, newest first.")
            .Produces<ApiReview>().ProducesProblem(404);

        takes.MapPost("/{takeId:guid}/decisions", async Task<IResult> (Guid takeId, ApiNewDecision body, ApiCaller caller, HttpContext http,
            ApiTakeProject takes, ReviewService review, Idempotency idempotency, CancellationToken ct) =>
            await idempotency.RunAsync(http, caller, new { takeId, body }, async () =>
            {
                if (body.Verdict is not { } verdict || !Enum.IsDefined(verdict))
                    return ApiAnswer.FromProblem(ApiProblems.Invalid("Choose a verdict.",
                        new Dictionary<string, string[]> { ["verdict"] = ["Approve, RequestChanges or Reject."] }));
                var result = await review.DecideAsync(caller.Require(), takeId, verdict, body.Note, ct);
                if (!result.Succeeded) return ApiAnswer.FromProblem(ApiProblems.From(result));
                return new ApiAnswer(200, ApiReview.From((await ReviewOfAsync(caller, takes, review, takeId, ct))!));
            }))
            .WithName("DecideOnTake").WithMetadata(new IdempotentCreateMetadata())
            .WithSummary("Records your decision (Reviewers, Owners, Admins): Approve, RequestChanges or Reject (the last two need a note). Your new decision replaces your previous one.")
            .Produces<ApiReview>().ProducesValidationProblem(422).ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    private static async Task<TakeReview?> ReviewOfAsync(ApiCaller caller, ApiTakeProject takes, ReviewService review, Guid takeId,
        CancellationToken ct) =>
        await takes.FindAsync(takeId, ct) is { } projectId ? await review.GetAsync(caller.Require(), projectId, takeId, ct) : null;
}
