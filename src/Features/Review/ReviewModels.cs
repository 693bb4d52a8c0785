using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Review;

public sealed record DecisionView(Guid Id, string ReviewerId, string ReviewerName, ReviewVerdict Verdict, string? Note,
    DateTime CreatedAt, DateTime? SupersededAt)
{
    public bool IsCurrent => SupersededAt is null;
    public static DecisionView Of(ReviewDecision d) => new(d.Id, d.ReviewerId, d.ReviewerName, d.Verdict, d.Note, d.CreatedAt, d.SupersededAt);
}

/// <summary>A drawing stroke on the paused frame; points are normalised (0–1) x,y pairs.</summary>
public sealed record DrawingStroke(string Color, IReadOnlyList<double[]> Points);

public sealed record CommentView(Guid Id, Guid? ParentCommentId, string AuthorId, string AuthorName, string Body,
    double TimeSeconds, double? EndSeconds, string? DrawingJson, bool IsResolved, string? ResolvedBy, DateTime CreatedAt,
    IReadOnlyList<CommentView> Replies)
{
    public bool HasDrawing => !string.IsNullOrEmpty(DrawingJson);
}

/// <summary>What a comment is written with: the time (and optional end) of the player, an optional drawing.</summary>
public sealed class CommentInput
{
    public string Body { get; set; } = "";
    public double TimeSeconds { get; set; }
    public double? EndSeconds { get; set; }
    public Guid? ParentCommentId { get; set; }
    public string? DrawingJson { get; set; }
}

public sealed record TakeSummary(Guid Id, Guid ProjectId, Guid StackId, Guid? ParentVideoId, RenderOperation Operation,
    string Prompt, string Model, int Width, int Height, double DurationSeconds, ReviewState ReviewState, bool IsPicked,
    DateTime CreatedAt, string AuthorName);

public sealed record CatalogUse(string Name, Guid ItemId, int? VersionNumber);

/// <summary>Everything the review page shows about one take.</summary>
public sealed record TakeReview(
    TakeSummary Take,
    ProjectGrant Access,
    string ProjectName,
    int ApprovalsRequired,
    Guid RenderRequestId,
    string AuthorId,
    string ProviderId,
    string Size,
    int Seconds,
    decimal EstimatedCostUsd,
    decimal? ActualCostUsd,
    string PreCheckJson,
    IReadOnlyList<CatalogUse> CatalogItems,
    TakeSummary? Parent,
    IReadOnlyList<TakeSummary> Children,
    IReadOnlyList<TakeSummary> Stack,
    IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<CommentView> Comments)
{
    public int CurrentApprovals => Decisions.Count(d => d.IsCurrent && d.Verdict == ReviewVerdict.Approve);
}

/// <summary>The review queue's filters; all optional. <see cref="MinAgeHours"/> keeps takes at least that old; <see cref="BatchId"/> keeps one batch's takes.</summary>
public sealed record QueueFilter(Guid? ProjectId = null, string? AuthorId = null, string? Model = null, int? MinAgeHours = null, Guid? BatchId = null);

public sealed record QueueItem(Guid VideoId, Guid ProjectId, string ProjectName, string Prompt, string Model, string AuthorId,
    string AuthorName, double DurationSeconds, DateTime CreatedAt, int Approvals, int ApprovalsRequired);

/// <summary>What a review change was, for open pages and the queue badge.</summary>
public enum ReviewChangeKind { TakeReady, Decision, Comment, Pick }

public sealed record ReviewChange(Guid ProjectId, Guid VideoId, ReviewChangeKind Kind);
