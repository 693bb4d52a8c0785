using VideoHub.Domain.Batches;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Batches;

/// <summary>
/// One row to render, already parsed (from a file, a variations grid, a storyboard or the API). Provider and model
/// empty mean the project's defaults. <see cref="ImageFileName"/> names an entry of the images the draft carries.
/// </summary>
public sealed record BatchRowInput(int LineNumber, string CustomId, string Prompt)
{
    public string? ProviderId { get; init; }
    public string? Model { get; init; }
    public string? Size { get; init; }
    public int? Seconds { get; init; }
    public IReadOnlyList<string> CatalogItems { get; init; } = [];
    public string? ImageFileName { get; init; }
}

/// <summary>A problem or a warning of one row (or, with line 0, of the whole batch), in the user's terms.</summary>
public sealed record RowIssue(int LineNumber, string? CustomId, string Field, FindingSeverity Severity, string Message)
{
    public bool IsBlock => Severity == FindingSeverity.Block;
}

/// <summary>First-frame images that rows name by file name (the zip uploaded beside a batch file).</summary>
public interface IBatchImages
{
    bool Contains(string fileName);
    /// <summary>The image's bytes, or null when it is not there.</summary>
    byte[]? Read(string fileName);
}

public sealed class NoBatchImages : IBatchImages
{
    public static readonly NoBatchImages Instance = new();
    public bool Contains(string fileName) => false;
    public byte[]? Read(string fileName) => null;
}

/// <summary>What to create: the rows, how to run them, and where they came from.</summary>
public sealed record BatchDraft(string Name, BatchMode Mode, BatchSource Source, IReadOnlyList<BatchRowInput> Rows)
{
    public IBatchImages Images { get; init; } = NoBatchImages.Instance;
    /// <summary>Issues found while parsing (bad quoting, missing fields); their rows are not in <see cref="Rows"/>.</summary>
    public IReadOnlyList<RowIssue> ParseIssues { get; init; } = [];
    /// <summary>Why the author goes ahead despite warnings on some rows.</summary>
    public string? AcknowledgementReason { get; init; }
}

/// <summary>One checked row of the preview: what it will render, its estimate and its findings.</summary>
public sealed record PreviewRow(BatchRowInput Input, string ProviderId, string Model, string Size, int Seconds,
    decimal? EstimatedCost, IReadOnlyList<RowIssue> Issues)
{
    public bool IsBlocked => Issues.Any(i => i.IsBlock);
    public bool HasWarnings => Issues.Any(i => !i.IsBlock);
}

/// <summary>
/// The preview of a draft: every row checked, the issues of rows that could not even be parsed, the total of the
/// rows that would run (batch price in provider mode) and the budget's verdict on that total.
/// </summary>
public sealed record BatchPreview(IReadOnlyList<PreviewRow> Rows, IReadOnlyList<RowIssue> ParseIssues,
    IReadOnlyList<RowIssue> BatchIssues, decimal TotalEstimate, bool NeedsApproval)
{
    public int FailingCount => Rows.Count(r => r.IsBlocked) + ParseIssues.Where(i => i.IsBlock).Select(i => i.LineNumber).Distinct().Count();
    public int RunnableCount => Rows.Count(r => !r.IsBlocked);
    public bool IsRefused => BatchIssues.Any(i => i.IsBlock) || RunnableCount == 0;
    public bool HasFailingRows => FailingCount > 0;
    public bool HasWarnings => Rows.Any(r => !r.IsBlocked && r.HasWarnings);
    public IEnumerable<RowIssue> AllIssues => ParseIssues.Concat(Rows.SelectMany(r => r.Issues)).Concat(BatchIssues)
        .OrderBy(i => i.LineNumber);
}

/// <summary>Counts of a batch's rows by the state of their latest attempt.</summary>
public sealed record BatchCounts(int Total, IReadOnlyDictionary<RenderState, int> ByState)
{
    public int Of(RenderState s) => ByState.TryGetValue(s, out var n) ? n : 0;
    public int Finished => ByState.Where(p => RenderStateMachine.IsTerminal(p.Key)).Sum(p => p.Value);
    public int InFlight => ByState.Where(p => RenderStateMachine.IsInFlight(p.Key)).Sum(p => p.Value);
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Finished / Total);
}

public sealed record BatchSummary(Guid Id, Guid ProjectId, string Name, BatchMode Mode, BatchSource Source, BatchStatus Status,
    string CreatedByName, DateTime CreatedAt, DateTime? FinishedAt, decimal EstimatedCostUsd, BatchCounts Counts);

public sealed record BatchView(BatchSummary Summary, string? ProviderId, string? ProviderBatchId, string? ProviderStatus,
    int ProviderCompleted, int ProviderFailed, string? ProviderError, string? DecisionNote, TimeSpan? TimeLeft,
    bool CanControl, bool CanApprove);

/// <summary>One row of the batch page and the CSV report.</summary>
public sealed record BatchRowView(int LineNumber, string CustomId, int Attempt, Guid RequestId, string Prompt, string Model,
    string Size, int Seconds, RenderState State, int Progress, RenderFailureReason? FailureReason, string? Message,
    Guid? VideoId, decimal EstimatedCostUsd, decimal? ActualCostUsd);
