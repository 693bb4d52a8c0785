using VideoHub.Domain.Policy;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Policy;

namespace VideoHub.Features.Requests;

/// <summary>What the form is filled with; the server checks every field again on submit.</summary>
public sealed class RequestFormInput
{
    public string ProviderId { get; set; } = "";
    public string Model { get; set; } = "";
    public string Size { get; set; } = "";
    public int Seconds { get; set; }
    public string Prompt { get; set; } = "";
    public byte[]? ImageBytes { get; set; }
    public string? ImageContentType { get; set; }
    public string? ImageName { get; set; }
    /// <summary>Why the author goes ahead despite warnings (required when there are warnings).</summary>
    public string? WarningReason { get; set; }
    /// <summary>An Admin's reason to send a blocked request anyway.</summary>
    public string? OverrideReason { get; set; }
    /// <summary>Create, or remix/edit/extend of <see cref="ParentVideoId"/>.</summary>
    public RenderOperation Operation { get; set; } = RenderOperation.Create;
    public Guid? ParentVideoId { get; set; }
    /// <summary>A retake of a take whose review asked for changes (from the review page).</summary>
    public bool IsRetake { get; set; }
    /// <summary>Catalog items attached by @-mention, in the order they were chosen.</summary>
    public List<Guid> CatalogItemIds { get; set; } = [];
}

/// <summary>A provider the form offers, with its enabled model profiles.</summary>
public sealed record ProviderChoice(string Id, string Name, IReadOnlyList<ProviderModelProfile> Models);

/// <summary>Everything the form shows besides the fields: choices, defaults and the project's money.</summary>
public sealed record RequestFormContext(
    Guid ProjectId,
    string ProjectName,
    IReadOnlyList<ProviderChoice> Providers,
    RequestFormInput Defaults,
    BudgetInput Budget,
    bool IsAdmin);

/// <summary>The pre-check as stored on the request (PreCheckJson) and shown again on its page.</summary>
public sealed record PreCheckSnapshot(IReadOnlyList<PolicyFinding> Findings, decimal? EstimatedCost, bool NeedsApproval)
{
    public string? OverriddenBy { get; init; }
    public string? OverrideReason { get; init; }
}

/// <summary>The answer of a submission: the new request's id and state, or a message for the form.</summary>
public sealed record SubmitOutcome(Guid? RequestId, bool AwaitingApproval, string? Error, PolicyCheckResult? Check)
{
    public bool Succeeded => RequestId is not null;
    /// <summary>When the pre-check blocked the submission: the Blocked request that records it (null if none could be kept).</summary>
    public Guid? BlockedRequestId { get; init; }
}
