using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Rendering;

/// <summary>What the guardrail pre-check decided about a request (the check itself lives in PolicyCheck).</summary>
public enum PreCheckVerdict
{
    /// <summary>May be queued (warnings, if any, acknowledged).</summary>
    Allowed,
    /// <summary>May be queued once an Owner or Admin approves it.</summary>
    NeedsApproval,
    /// <summary>Never submitted; recorded as Blocked with the reasons.</summary>
    Blocked,
}

/// <summary>
/// A checked request from the form: what to render, the pre-check's verdict and its JSON snapshot, and the
/// author's acknowledgement when the check warned.
/// </summary>
public sealed record NewRenderRequest(
    Guid ProjectId,
    RenderOperation Operation,
    string Prompt,
    string ProviderId,
    string Model,
    string Size,
    int Seconds,
    PreCheckVerdict Verdict,
    string PreCheckJson,
    bool HasWarnings = false,
    string? AcknowledgementReason = null,
    string? ImageReferenceKey = null,
    Guid? ParentVideoId = null,
    IReadOnlyList<Domain.Catalog.RenderRequestCatalogItem>? CatalogItems = null)
{
    public bool IsRetake { get; init; }
    public bool StitchExtension { get; init; }
}

public sealed record RenderEventView(RenderState From, RenderState To, DateTime At, string By, string? Message);

public sealed record RenderRequestView(
    Guid Id,
    Guid ProjectId,
    string AuthorId,
    string AuthorName,
    RenderOperation Operation,
    string Prompt,
    string ProviderId,
    string Model,
    string Size,
    int Seconds,
    Guid? ParentVideoId,
    RenderState State,
    int Progress,
    RenderFailureReason? FailureReason,
    string? ProviderMessage,
    decimal EstimatedCostUsd,
    decimal? ActualCostUsd,
    string PreCheckJson,
    string? AcknowledgementReason,
    string? DecisionNote,
    Guid? VideoId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<RenderEventView> History,
    string? ProviderErrorCode = null,
    string? ProviderErrorParam = null,
    string? AcknowledgedBy = null)
{
    public static RenderRequestView From(RenderRequest r, bool withHistory) => new(
        r.Id, r.ProjectId, r.AuthorId, r.AuthorName, r.Operation, r.Prompt, r.ProviderId, r.Model, r.Size, r.Seconds,
        r.ParentVideoId, r.State, r.Progress, r.FailureReason, r.ProviderMessage, r.EstimatedCostUsd, r.ActualCostUsd,
        r.PreCheckJson, r.AcknowledgementReason, r.DecisionNote, r.VideoId, r.CreatedAt, r.UpdatedAt,
        withHistory ? r.Events.OrderBy(e => e.Id).Select(e => new RenderEventView(e.From, e.To, e.At, e.By, e.Message)).ToList() : [],
        r.ProviderErrorCode, r.ProviderErrorParam, r.AcknowledgedBy);
}

/// <summary>Filters of a project's request list; all optional. <see cref="After"/> is the previous page's cursor.</summary>
public sealed record RenderListQuery(
    RenderState? State = null,
    string? AuthorId = null,
    string? Model = null,
    DateTime? From = null,
    DateTime? To = null,
    string? After = null,
    int PageSize = 25);

/// <summary>A page of requests, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record RenderPage(IReadOnlyList<RenderRequestView> Items, string? NextCursor);

public enum RenderOutcome { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>The outcome of a render request change; expected failures are values with a message for the page.</summary>
public sealed record RenderResult<T>(RenderOutcome Outcome, T? Value, string? Message)
{
    public bool Succeeded => Outcome == RenderOutcome.Ok;
    public static RenderResult<T> Ok(T value) => new(RenderOutcome.Ok, value, null);
    public static RenderResult<T> Invalid(string message) => new(RenderOutcome.Invalid, default, message);
    public static RenderResult<T> NotFound() => new(RenderOutcome.NotFound, default, "This render request does not exist, or you do not have access to it.");
    public static RenderResult<T> Forbidden(string message) => new(RenderOutcome.Forbidden, default, message);
    public static RenderResult<T> Conflict(string message) => new(RenderOutcome.Conflict, default, message);
}
