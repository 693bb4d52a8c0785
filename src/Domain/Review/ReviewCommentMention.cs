namespace VideoHub.Domain.Review;

/// <summary>A project member @-mentioned in a comment (resolved when the comment was written).</summary>
public class ReviewCommentMention
{
    public Guid CommentId { get; set; }
    public string UserId { get; set; } = "";
}
