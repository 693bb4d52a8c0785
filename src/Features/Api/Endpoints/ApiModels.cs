using VideoHub.Domain.Policy;
using VideoHub.Domain.Projects;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Api.Endpoints;

public sealed record ApiProject(Guid Id, string Name, string Brief, ProjectRole? MyRole, bool IsArchived, DateTime CreatedAt,
    ApiProjectSettings? Settings = null)
{
    public static ApiProject From(ProjectSummary p) => new(p.Id, p.Name, p.Brief, p.MyRole, p.IsArchived, p.CreatedAt);

    public static ApiProject From(ProjectDetails p) => new(p.Id, p.Name, p.Brief, p.Access.Role, p.IsArchived, p.CreatedAt,
        new ApiProjectSettings(p.Settings.DefaultModel, p.Settings.DefaultSize, p.Settings.DefaultSeconds,
            p.Settings.MonthlyBudgetUsd, p.Settings.ApprovalThresholdUsd, p.Settings.ApprovalsRequired));
}

public sealed record ApiProjectSettings(string DefaultModel, string DefaultSize, int DefaultSeconds, decimal MonthlyBudgetUsd,
    decimal? ApprovalThresholdUsd, int ApprovalsRequired);

public sealed record ApiMember(string UserId, string DisplayName, string Email, ProjectRole Role, DateTime AddedAt);

/// <summary>What to render. Leave provider, model, size or seconds out to use the project's defaults.</summary>
public sealed record ApiRenderInput
{
    public string Prompt { get; init; } = "";
    public string? ProviderId { get; init; }
    public string? Model { get; init; }
    public string? Size { get; init; }
    public int? Seconds { get; init; }
    /// <summary>The first frame as base64 (PNG, JPEG or WebP of exactly the requested size).</summary>
    public string? ImageBase64 { get; init; }
    public string? ImageContentType { get; init; }
}

/// <summary>A render request to create: warnings of the pre-check need acknowledgeWarnings and a reason.</summary>
public sealed record ApiCreateRenderRequest
{
    public string Prompt { get; init; } = "";
    public string? ProviderId { get; init; }
    public string? Model { get; init; }
    public string? Size { get; init; }
    public int? Seconds { get; init; }
    public string? ImageBase64 { get; init; }
    public string? ImageContentType { get; init; }
    public bool AcknowledgeWarnings { get; init; }
    public string? WarningReason { get; init; }

    public ApiRenderInput ToInput() => new()
    {
        Prompt = Prompt, ProviderId = ProviderId, Model = Model, Size = Size, Seconds = Seconds,
        ImageBase64 = ImageBase64, ImageContentType = ImageContentType,
    };
}

/// <summary>One finding exactly as the form shows it: the matched span is in UTF-16 offsets of the prompt.</summary>
public sealed record ApiFinding(FindingSeverity Severity, FindingCategory Category, string Message, ApiSpan? Span,
    string? MatchedText, string? SuggestedFix)
{
    public static ApiFinding From(PolicyFinding f) => new(f.Severity, f.Category, f.Message,
        f.Span is { } s ? new ApiSpan(s.Start, s.Length) : null, f.MatchedText, f.SuggestedFix);
}

public sealed record ApiSpan(int Start, int Length);

/// <summary>The pre-check's answer: blocked (cannot be submitted), warnings (need an acknowledgement), the estimate.</summary>
public sealed record ApiPreCheck(bool Blocked, bool HasWarnings, bool NeedsApproval, decimal? EstimatedCostUsd,
    IReadOnlyList<ApiFinding> Findings, ApiResolvedInput Input)
{
    public static ApiPreCheck From(PolicyCheckResult r, ApiResolvedInput input) => new(r.IsBlocked,
        Requests.RequestFormService.NeedsConfirmation(r), r.NeedsApproval, r.EstimatedCost,
        r.Findings.Select(ApiFinding.From).ToList(), input);
}

/// <summary>The provider, model, size and seconds the check used (the project's defaults fill what was left out).</summary>
public sealed record ApiResolvedInput(string ProviderId, string Model, string Size, int Seconds);
