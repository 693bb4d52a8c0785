namespace VideoHub.Domain.Batches;

public enum BatchMode { Direct, Provider }

/// <summary>AwaitingApproval: the batch total is above the project's approval threshold; Rejected: an Owner said no.</summary>
public enum BatchStatus { Draft, Running, Paused, Completed, Cancelled, Failed, AwaitingApproval, Rejected }

public enum BatchSource { File, Variations, Storyboard, Api }

/// <summary>
/// A named set of render requests run and reviewed as one unit. Its rows are <c>RenderRequest</c>s carrying
/// <c>BatchId</c> and <c>BatchCustomId</c>; counts are computed from them, never stored twice.
/// </summary>
public class Batch
{
    public const int NameMaxLength = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public string Name { get; set; } = "";
    public BatchMode Mode { get; set; }
    public BatchSource Source { get; set; }
    public BatchStatus Status { get; set; }
    public string CreatedById { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public decimal EstimatedCostUsd { get; set; }

    /// <summary>Provider batch mode: the uploaded input file and the provider's batch id.</summary>
    public string? ProviderId { get; set; }
    public string? ProviderInputFileId { get; set; }
    public string? ProviderBatchId { get; set; }
    public string? ProviderStatus { get; set; }
    public DateTime? NextPollAt { get; set; }
    public string? ProviderOutputFileId { get; set; }
    /// <summary>Counts the provider reported at the last poll (provider batch mode).</summary>
    public int ProviderCompleted { get; set; }
    public int ProviderFailed { get; set; }
    /// <summary>Why the provider batch could not be made or failed, in the provider's words.</summary>
    public string? ProviderError { get; set; }
    public int ProviderAttempts { get; set; }
    /// <summary>When the provider batch was created (its completion window starts here).</summary>
    public DateTime? SubmittedAt { get; set; }
    /// <summary>When the provider's output was mapped back onto the rows; later retries then run directly.</summary>
    public DateTime? ProviderMappedAt { get; set; }
    public string? DecisionNote { get; set; }
    public string? AcknowledgementReason { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
