namespace VideoHub.Features.Admin.Audit;

/// <summary>What to show from the audit log. Empty fields do not filter. Dates are UTC; <see cref="ToUtc"/> is exclusive.</summary>
public sealed record AuditFilter
{
    public string? Action { get; init; }
    public string? ActorId { get; init; }
    public Guid? ProjectId { get; init; }
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
    /// <summary>Matched anywhere in the summary, ignoring case.</summary>
    public string? Text { get; init; }
}

/// <summary>Where a page of the log ends: the next page holds the rows older than this one (newest first).</summary>
public sealed record AuditCursor(DateTime At, long Id);

public sealed record AuditPage(IReadOnlyList<Domain.Audit.AuditEvent> Rows, AuditCursor? Older);

/// <summary>A choice in a filter list: the id to filter on and what a person reads.</summary>
public sealed record AuditPick(string Id, string Label)
{
    public override string ToString() => Label;
}
