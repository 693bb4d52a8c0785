namespace VideoHub.Domain.Api;

/// <summary>The event types an endpoint can subscribe to (names as they appear in the payload's "type").</summary>
public static class WebhookEventTypes
{
    public const string TakeReadyForReview = "take.ready_for_review";
    public const string TakeApproved = "take.approved";
    public const string TakeRejected = "take.rejected";
    public const string TakeChangesRequested = "take.changes_requested";
    public const string RenderFailed = "render.failed";
    public const string BatchFinished = "batch.finished";
    public const string BudgetThresholdCrossed = "budget.threshold_crossed";

    public static readonly IReadOnlyList<string> All =
        [TakeReadyForReview, TakeApproved, TakeRejected, TakeChangesRequested, RenderFailed, BatchFinished, BudgetThresholdCrossed];

    public static string Describe(string type) => type switch
    {
        TakeReadyForReview => "A take is ready for review",
        TakeApproved => "A take was approved",
        TakeRejected => "A take was rejected",
        TakeChangesRequested => "Changes were requested on a take",
        RenderFailed => "A render failed",
        BatchFinished => "A batch finished",
        BudgetThresholdCrossed => "The monthly budget threshold was crossed",
        _ => type,
    };
}
