namespace VideoHub.Domain.Rendering;

/// <summary>
/// One render a user asked for, from the pre-check to a downloaded take. Jobs hold no state in memory: every
/// field a sweep needs to resume after a crash lives here.
/// </summary>
public class RenderRequest
{
    public const int PromptMaxLength = 32_000;
    public const int ProviderMessageMaxLength = 2000;
    public const int ProviderCodeMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public RenderOperation Operation { get; set; }
    public string Prompt { get; set; } = "";
    public string ProviderId { get; set; } = "";
    public string Model { get; set; } = "";
    public string Size { get; set; } = "";
    public int Seconds { get; set; }
    /// <summary>Media storage key of an uploaded first-frame image.</summary>
    public string? ImageReferenceKey { get; set; }
    /// <summary>The take this remixes, edits or extends.</summary>
    public Guid? ParentVideoId { get; set; }
    /// <summary>A retake of a take whose review asked for changes.</summary>
    public bool IsRetake { get; set; }
    /// <summary>
    /// An extension the provider cannot do natively: submitted as a create from the source's last frame, and the
    /// downloaded continuation is joined to the source before the take is recorded.
    /// </summary>
    public bool StitchExtension { get; set; }
    public Guid? BatchId { get; set; }
    /// <summary>The row's id inside its batch file (unique per batch), for mapping results back.</summary>
    public string? BatchCustomId { get; set; }

    /// <summary>The guardrail pre-check result as it was when the request was made (JSON).</summary>
    public string PreCheckJson { get; set; } = "{}";
    public string? AcknowledgementReason { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTime? AcknowledgedAt { get; set; }

    public decimal EstimatedCostUsd { get; set; }
    public decimal? ActualCostUsd { get; set; }

    public RenderState State { get; set; } = RenderState.Draft;
    public RenderFailureReason? FailureReason { get; set; }
    public string? ProviderMessage { get; set; }
    public string? DecisionNote { get; set; }
    /// <summary>The provider's error code and field when it refused the request (e.g. moderation_blocked), so the page can explain it.</summary>
    public string? ProviderErrorCode { get; set; }
    public string? ProviderErrorParam { get; set; }

    /// <summary>Records what the provider said when it refused the request (code and field), cut to the column size.</summary>
    public void RecordProviderError(string? code, string? param)
    {
        ProviderErrorCode = code is { Length: > ProviderCodeMaxLength } ? code[..ProviderCodeMaxLength] : code;
        ProviderErrorParam = param is { Length: > ProviderCodeMaxLength } ? param[..ProviderCodeMaxLength] : param;
    }

    public string? ProviderJobId { get; set; }
    /// <summary>The Idempotency-Key of the submission, saved before the POST and reused by every retry of it.</summary>
    public string? ClientToken { get; set; }
    public int Progress { get; set; }
    /// <summary>Attempts of the current step (submission, poll errors, downloads); reset when the state moves on.</summary>
    public int Attempts { get; set; }
    /// <summary>Polls so far, for the backoff of a long render.</summary>
    public int Polls { get; set; }
    /// <summary>When a sweep should look at this row next (submission reconcile, poll, download retry).</summary>
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? PollDeadline { get; set; }
    /// <summary>The take this request makes; fixed when downloading starts so storage keys stay stable across retries.</summary>
    public Guid? VideoId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>Optimistic concurrency: a page and a job never both win.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<RenderEvent> Events { get; set; } = [];

    public void Fail(RenderFailureReason reason, string? message, DateTime at, string by)
    {
        RenderStateMachine.Move(this, RenderState.Failed, at, by, $"{reason.Code()}: {message}");
        FailureReason = reason;
        ProviderMessage = message is { Length: > ProviderMessageMaxLength } ? message[..ProviderMessageMaxLength] : message;
        NextAttemptAt = null;
    }
}
