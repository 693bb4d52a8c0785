using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Providers;

namespace VideoHub.Providers.Webhooks;

/// <summary>
/// The verified deliveries, deduplicated on (provider, webhook-id). The render sweep (a later feature) reads the
/// pending ones, polls those videos at once, and marks them processed.
/// </summary>
public sealed class ProviderWebhookInbox(IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock)
{
    private const int MaxObjectIdLength = 200;

    /// <summary>Records a delivery; false when this webhook-id was already received (a retry or a replay).</summary>
    public async Task<bool> RecordAsync(string providerId, string webhookId, string eventType, string? objectId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProviderWebhookDeliveries.AnyAsync(d => d.ProviderId == providerId && d.WebhookId == webhookId, ct))
            return false;
        db.ProviderWebhookDeliveries.Add(new ProviderWebhookDelivery
        {
            ProviderId = providerId,
            WebhookId = webhookId,
            EventType = eventType.Length > 100 ? eventType[..100] : eventType,
            ObjectId = objectId is { Length: > MaxObjectIdLength } ? null : objectId,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            return false; // the same delivery arrived twice at once; the unique index kept one
        }
    }

    /// <summary>Deliveries not yet acted on, oldest first.</summary>
    public async Task<IReadOnlyList<ProviderWebhookDelivery>> PendingAsync(int max, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProviderWebhookDeliveries.AsNoTracking().Where(d => d.ProcessedAt == null)
            .OrderBy(d => d.Id).Take(max).ToListAsync(ct);
    }

    /// <summary>Whether a verified event says this provider video is due for an immediate poll.</summary>
    public async Task<bool> IsDueAsync(string providerId, string videoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProviderWebhookDeliveries.AnyAsync(
            d => d.ProcessedAt == null && d.ProviderId == providerId && d.ObjectId == videoId, ct);
    }

    public async Task MarkProcessedAsync(string providerId, string videoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ProviderWebhookDeliveries
            .Where(d => d.ProcessedAt == null && d.ProviderId == providerId && d.ObjectId == videoId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ProcessedAt, now), ct);
    }
}
