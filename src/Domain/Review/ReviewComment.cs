namespace VideoHub.Domain.Review;

/// <summary>A comment pinned to a time code (optionally a range, optionally a drawing on the frame), or a reply.</summary>
public class ReviewComment
{
    public const int BodyMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VideoId { get; set; }
    public Guid ProjectId { get; set; }
    /// <summary>The comment this replies to; replies inherit its time code.</summary>
    public Guid? ParentCommentId { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string Body { get; set; } = "";
    public double TimeSeconds { get; set; }
    public double? EndSeconds { get; set; }
    /// <summary>Strokes on the paused frame as normalised (0–1) coordinates, JSON; null when none.</summary>
    public string? DrawingJson { get; set; }
    public bool IsResolved { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
}
