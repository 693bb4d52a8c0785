using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;

namespace VideoHub.Features.Review;

/// <summary>How a take's review state follows from its reviewers' current (not superseded) decisions.</summary>
public static class ReviewRules
{
    /// <summary>
    /// Any current reject wins, then any request for changes; otherwise the take is approved once it has
    /// <paramref name="approvalsRequired"/> current approvals, and pending before that.
    /// </summary>
    public static ReviewState StateOf(IEnumerable<ReviewDecision> decisions, int approvalsRequired)
    {
        var current = decisions.Where(d => d.SupersededAt is null).ToList();
        if (current.Any(d => d.Verdict == ReviewVerdict.Reject)) return ReviewState.Rejected;
        if (current.Any(d => d.Verdict == ReviewVerdict.RequestChanges)) return ReviewState.ChangesRequested;
        return current.Count(d => d.Verdict == ReviewVerdict.Approve) >= Math.Max(1, approvalsRequired)
            ? ReviewState.Approved
            : ReviewState.Pending;
    }

    public static bool NeedsNote(ReviewVerdict verdict) => verdict != ReviewVerdict.Approve;

    /// <summary>Stack order: the picked take, then approved ones, then the newest.</summary>
    public static IEnumerable<TakeSummary> StackOrder(IEnumerable<TakeSummary> takes) =>
        takes.OrderByDescending(t => t.IsPicked)
            .ThenByDescending(t => t.ReviewState == ReviewState.Approved)
            .ThenByDescending(t => t.CreatedAt)
            .ThenByDescending(t => t.Id);

    public static string Label(ReviewState state) => state switch
    {
        ReviewState.Pending => "Awaiting review",
        ReviewState.Approved => "Approved",
        ReviewState.ChangesRequested => "Changes requested",
        _ => "Rejected",
    };

    public static string Label(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Approve => "Approved",
        ReviewVerdict.RequestChanges => "Requested changes",
        _ => "Rejected",
    };

    /// <summary>"1:05.250" for a time code in seconds.</summary>
    public static string TimeCode(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return $"{(int)t.TotalMinutes}:{t.Seconds:00}.{t.Milliseconds:000}";
    }
}
