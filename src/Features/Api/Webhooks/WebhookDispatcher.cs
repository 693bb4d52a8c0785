using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using VideoHub.Data;
using VideoHub.Domain.Api;
using VideoHub.Domain.Notifications;
using VideoHub.Domain.Projects;

namespace VideoHub.Features.Api.Webhooks;

/// <summary>
/// Sends due outbox rows: success marks them delivered; a failure schedules the next attempt with exponential backoff
/// until the attempts run out. An endpoint that keeps failing is disabled and its Owners get a notification.
/// </summary>
public sealed class WebhookDispatcher(IDbContextFactory<VideoHubDbContext> dbFactory, WebhookSender sender, WebhookService service,
    IOptionsMonitor<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> log)
{
    private const int BatchSize = 20;

    /// <summary>Sends what is due now; returns how many attempts were made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var due = await db.WebhookDeliveries.Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
        foreach (var delivery in due)
        {
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == delivery.EndpointId, ct);
            if (endpoint is null || !endpoint.Enabled)
            {
                delivery.State = WebhookDeliveryState.Failed;
                delivery.NextAttemptAt = null;
                delivery.Error = "Not sent: the endpoint is disabled.";
                continue;
            }
            await AttemptAsync(db, endpoint, delivery, ct);
            await db.SaveChangesAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    private async Task AttemptAsync(VideoHubDbContext db, WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        string secret;
        try { secret = service.UnprotectSecret(endpoint.ProtectedSecret); }
        catch (System.Security.Cryptography.CryptographicException)
        {
            Fail(delivery, "The signing secret can no longer be read (Data Protection keys changed); delete and re-add the endpoint.");
            return;
        }
        var attempt = await sender.SendAsync(endpoint.Url, secret, delivery.MessageId, delivery.Payload, ct);
        var now = Now;
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.ResponseStatus = attempt.Status;
        delivery.ResponseBody = attempt.Body is { Length: > WebhookDelivery.ResponseMaxLength } b ? b[..WebhookDelivery.ResponseMaxLength] : attempt.Body;
        delivery.Error = attempt.Error is { Length: > 1000 } e ? e[..1000] : attempt.Error;
        if (attempt.Succeeded)
        {
            delivery.State = WebhookDeliveryState.Delivered;
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
            endpoint.ConsecutiveFailures = 0;
            return;
        }
        log.LogInformation("Webhook {MessageId} to endpoint {EndpointId} failed (attempt {Attempt}): {Error}",
            delivery.MessageId, endpoint.Id, delivery.Attempts, attempt.Error);
        endpoint.ConsecutiveFailures++;
        if (delivery.Attempts >= settings.MaxAttempts) Fail(delivery, delivery.Error);
        else delivery.NextAttemptAt = now + settings.RetryBaseDelay * Math.Pow(4, delivery.Attempts - 1);
        if (endpoint.ConsecutiveFailures >= settings.DisableAfterFailures) await DisableAsync(db, endpoint, now, ct);
    }

    private static void Fail(WebhookDelivery delivery, string? error)
    {
        delivery.State = WebhookDeliveryState.Failed;
        delivery.NextAttemptAt = null;
        delivery.Error = error;
    }

    private static async Task DisableAsync(VideoHubDbContext db, WebhookEndpoint endpoint, DateTime now, CancellationToken ct)
    {
        endpoint.Enabled = false;
        endpoint.DisabledAt = now;
        endpoint.DisabledReason = $"Disabled after {endpoint.ConsecutiveFailures} failed attempts in a row.";
        var owners = await db.ProjectMembers.Where(m => m.ProjectId == endpoint.ProjectId && m.Role == ProjectRole.Owner)
            .Select(m => m.UserId).ToListAsync(ct);
        foreach (var owner in owners)
            db.Notifications.Add(new Notification
            {
                UserId = owner, ProjectId = endpoint.ProjectId, Kind = NotificationKind.System, CreatedAt = now,
                Title = "A webhook was disabled after repeated failures",
                Body = $"{Truncate(endpoint.Url, 300)} failed {endpoint.ConsecutiveFailures} times in a row. Fix the receiver, then enable it again and redeliver what it missed.",
                Link = $"/projects/{endpoint.ProjectId}/webhooks",
            });
    }

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] + "…" : s;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>The Quartz sweep that sends due webhooks (trigger in Hosting/Scheduling.cs).</summary>
[DisallowConcurrentExecution]
public sealed class WebhookDeliveryJob(IServiceScopeFactory scopes, ILogger<WebhookDeliveryJob> log)
    : Rendering.Jobs.SweepJob(scopes, log)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(ct);
}
