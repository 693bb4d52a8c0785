namespace VideoHub.Domain.Audit;

/// <summary>Who did what to which entity, and when. Rows are only ever added.</summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>Null for anonymous actions such as a failed sign-in.</summary>
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public Guid? ProjectId { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>JSON of the changed fields before and after, where it matters.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? IpAddress { get; set; }
}
