using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;

namespace VideoHub.Data;

/// <summary>Adds audit rows. Call <see cref="Add"/> inside the unit of work that makes the change, so both commit together.</summary>
public sealed class AuditLog(IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock, IHttpContextAccessor http)
{
    public AuditEvent Add(VideoHubDbContext db, Actor? actor, string action, string entityType, string entityId,
        string summary, Guid? projectId = null, string? before = null, string? after = null)
    {
        var row = new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor?.UserId,
            ActorName = actor?.UserName ?? "anonymous",
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ProjectId = projectId,
            Summary = summary.Length > 1000 ? summary[..1000] : summary,
            Before = before,
            After = after,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        };
        db.AuditEvents.Add(row);
        return row;
    }

    /// <summary>Records an event that is not part of another change (sign-in attempts, for instance).</summary>
    public async Task RecordAsync(Actor? actor, string action, string entityType, string entityId, string summary,
        Guid? projectId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Add(db, actor, action, entityType, entityId, summary, projectId);
        await db.SaveChangesAsync(ct);
    }
}
