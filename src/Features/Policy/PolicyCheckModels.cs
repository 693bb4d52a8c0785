using VideoHub.Domain.Policy;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Policy;

/// <summary>The first-frame image: its bytes, or a path to a file on the server, and the content type the user declared.</summary>
public sealed record ImageReferenceInput(string? DeclaredContentType)
{
    public byte[]? Bytes { get; init; }
    public string? FilePath { get; init; }

    public static ImageReferenceInput FromBytes(byte[] bytes, string? contentType) => new(contentType) { Bytes = bytes };
    public static ImageReferenceInput FromFile(string path, string? contentType) => new(contentType) { FilePath = path };
}

/// <summary>The chain an extension is added to: how many extensions it already has and how long it already is.</summary>
public sealed record ExtensionChainInput(int ExtensionCount, int TotalSeconds);

/// <summary>The project's money: spent this month, the monthly budget, and the threshold above which an Owner approves.</summary>
public sealed record BudgetInput(decimal MonthToDateSpend, decimal MonthlyBudget, decimal? ApprovalThreshold);

/// <summary>Everything the pre-check looks at. Size and seconds may be left out for remix and edit.</summary>
public sealed record PolicyCheckInput(string Prompt, string ProviderId, string Model, RenderOperation Operation)
{
    public string? Size { get; init; }
    public int? Seconds { get; init; }
    /// <summary>Names of the catalog characters attached to the request (the catalog check uses them).</summary>
    public IReadOnlyList<string> CharacterNames { get; init; } = [];
    /// <summary>The catalog items attached (the catalog check loads them and fills <see cref="CharacterNames"/>).</summary>
    public IReadOnlyList<Guid> CatalogItemIds { get; init; } = [];
    /// <summary>The project the render is for: catalog rights must cover it.</summary>
    public Guid? ProjectId { get; init; }
    public ImageReferenceInput? ImageReference { get; init; }
    /// <summary>Required for <see cref="RenderOperation.Extend"/>.</summary>
    public ExtensionChainInput? Chain { get; init; }
    /// <summary>Leave out to skip the budget check (e.g. while typing).</summary>
    public BudgetInput? Budget { get; init; }
}

/// <summary>The answer of the pre-check.</summary>
public sealed record PolicyCheckResult(IReadOnlyList<PolicyFinding> Findings, decimal? EstimatedCost, bool NeedsApproval)
{
    public bool IsBlocked => Findings.Any(f => f.Severity == FindingSeverity.Block);
    public bool HasWarnings => Findings.Any(f => f.Severity == FindingSeverity.Warn);
    /// <summary>Findings about a piece of the prompt, in order, for highlighting.</summary>
    public IEnumerable<PolicyFinding> PromptFindings => Findings.Where(f => f.Span is not null).OrderBy(f => f.Span!.Value.Start);
}
