namespace VideoHub.Domain.Api;

/// <summary>An Owner's outbound webhook: where to POST which events of one project, signed with a secret.</summary>
public class WebhookEndpoint
{
    public const int UrlMaxLength = 2000;
    /// <summary>Failed deliveries in a row (each after all its retries) that disable the endpoint.</summary>
    public const int DisableAfterFailures = 5;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public string Url { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Event type names, space separated.</summary>
    public string Events { get; set; } = "";
    /// <summary>The whsec_ secret, encrypted with Data Protection.</summary>
    public string ProtectedSecret { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public int ConsecutiveFailures { get; set; }
    public DateTime? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
