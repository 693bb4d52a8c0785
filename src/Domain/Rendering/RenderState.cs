namespace VideoHub.Domain.Rendering;

/// <summary>Where a render request is in its lifecycle (DESIGN §3). The database row is the truth.</summary>
public enum RenderState
{
    Draft,
    Blocked,
    AwaitingApproval,
    Rejected,
    Queued,
    Submitting,
    Rendering,
    Downloading,
    Ready,
    Failed,
    Cancelled,
}

/// <summary>
/// What a request does. <see cref="Sequence"/> is never submitted: it records a storyboard's approved takes
/// joined by VideoHub into one take (its request is Ready from the start).
/// </summary>
public enum RenderOperation { Create, Remix, Edit, Extend, Sequence }

/// <summary>Why a request failed, in categories the pages explain in plain words.</summary>
public enum RenderFailureReason
{
    BlockedByPolicy,
    RejectedByProvider,
    ProviderFailed,
    DownloadFailed,
    Expired,
    Cancelled,
    TimedOut,
}

public static class RenderFailureReasons
{
    /// <summary>The snake_case name used in logs, events and the API ("blocked_by_policy").</summary>
    public static string Code(this RenderFailureReason reason) => reason switch
    {
        RenderFailureReason.BlockedByPolicy => "blocked_by_policy",
        RenderFailureReason.RejectedByProvider => "rejected_by_provider",
        RenderFailureReason.ProviderFailed => "provider_failed",
        RenderFailureReason.DownloadFailed => "download_failed",
        RenderFailureReason.Expired => "expired",
        RenderFailureReason.Cancelled => "cancelled",
        RenderFailureReason.TimedOut => "timed_out",
        _ => "unknown",
    };
}
