using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Api;

namespace VideoHub.Features.Api.Webhooks;

/// <summary>
/// The one way to emit an outbound webhook event: it writes one outbox row per enabled endpoint of the project that
/// subscribed to the event; the delivery job sends them. Review and batches call <see cref="PublishAsync"/> after
/// their change is saved (or <see cref="Enqueue"/> inside their own unit of work, to commit both together).
/// </summary>
public sealed class WebhookEvents(IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<int> PublishAsync(Guid projectId, string eventType, object data, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var count = await Enqueue(db, projectId, eventType, data, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>Adds the outbox rows to the caller's context without saving; returns how many endpoints get the event.</summary>
    public static async Task<int> Enqueue(VideoHubDbContext db, Guid projectId, string eventType, object data, DateTime now,
        CancellationToken ct = default)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.ProjectId == projectId && e.Enabled)
            .Select(e => new { e.Id, e.Events }).ToListAsync(ct);
        var subscribed = endpoints.Where(e => e.Events.Split(' ').Contains(eventType)).ToList();
        if (subscribed.Count == 0) return 0;
        var messageId = "msg_" + Guid.CreateVersion7().ToString("N");
        var payload = JsonSerializer.Serialize(new { type = eventType, timestamp = now, data }, JsonSerializerOptions.Web);
        foreach (var endpoint in subscribed)
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                EndpointId = endpoint.Id, ProjectId = projectId, MessageId = messageId, EventType = eventType, Payload = payload,
                State = WebhookDeliveryState.Pending, NextAttemptAt = now, CreatedAt = now,
            });
        return subscribed.Count;
    }
}
