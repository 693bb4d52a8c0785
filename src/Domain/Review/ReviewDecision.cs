namespace VideoHub.Domain.Review;

public enum ReviewVerdict { Approve, RequestChanges, Reject }

/// <summary>
/// One reviewer's decision on a take. Decisions are never edited: a later decision by the same reviewer
/// supersedes their earlier one, and the take's <c>ReviewState</c> is recomputed from the current ones.
/// </summary>
public class ReviewDecision
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VideoId { get; set; }
    public Guid ProjectId { get; set; }
    public string ReviewerId { get; set; } = "";
    public string ReviewerName { get; set; } = "";
    public ReviewVerdict Verdict { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SupersededAt { get; set; }
}
