namespace VideoHub.Domain.Batches;

public enum BatchMode { Direct, Provider }

public enum BatchStatus { Draft, Running, Paused, Completed, Cancelled, Failed }

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

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
