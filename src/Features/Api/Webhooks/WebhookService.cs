using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Api;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Features.Api.Webhooks;

/// <summary>A project's outbound webhook endpoints and their delivery log; Owners and Admins only.</summary>
public sealed partial class WebhookService(IDbContextFactory<VideoHubDbContext> dbFactory, AuditLog audit, TimeProvider clock,
    WebhookAddressGuard guard, IDataProtectionProvider protection)
{
    private const string OwnersOnly = "Only the project's Owners and Admins can manage its webhooks.";
    private readonly IDataProtector protector = protection.CreateProtector(SecretPurpose);
    internal const string SecretPurpose = "VideoHub.Webhooks.Secrets.v1";

    /// <summary>The endpoints, or null when the actor is not an Owner or Admin of the project (the page answers 404).</summary>
    public async Task<IReadOnlyList<WebhookEndpointView>?> ListAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefuseAsync(db, actor, projectId, ct) is not null) return null;
        var rows = await db.WebhookEndpoints.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        return rows.Select(WebhookEndpointView.From).ToList();
    }

    public async Task<Result<CreatedWebhook>> CreateAsync(Actor actor, Guid projectId, WebhookInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefuseAsync(db, actor, projectId, ct) is { } refusal) return Result<CreatedWebhook>.Invalid(refusal.Errors);
        var errors = await ValidateAsync(input, ct);
        if (errors.Count > 0) return Result<CreatedWebhook>.Invalid(errors);

        var secret = StandardWebhooks.NewSecret();
        var endpoint = new WebhookEndpoint
        {
            ProjectId = projectId, Url = input.Url.Trim(), Description = input.Description.Trim(),
            Events = string.Join(' ', WebhookEventTypes.All.Where(input.Events.Contains)),
            ProtectedSecret = protector.Protect(secret), CreatedById = actor.UserId, CreatedAt = Now,
        };
        db.WebhookEndpoints.Add(endpoint);
        audit.Add(db, actor, AuditActions.WebhookCreated, nameof(WebhookEndpoint), endpoint.Id.ToString(),
            $"Added the webhook {endpoint.Url} for {endpoint.Events}.", projectId);
        await db.SaveChangesAsync(ct);
        return Result<CreatedWebhook>.Ok(new CreatedWebhook(endpoint.Id, secret));
    }

    public async Task<Result> DeleteAsync(Actor actor, Guid projectId, Guid endpointId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefuseAsync(db, actor, projectId, ct) is { } refusal) return refusal;
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId && e.ProjectId == projectId, ct);
        if (endpoint is null) return Result.NotFound();
        db.WebhookEndpoints.Remove(endpoint);
        audit.Add(db, actor, AuditActions.WebhookDeleted, nameof(WebhookEndpoint), endpointId.ToString(),
            $"Removed the webhook {endpoint.Url}.", projectId);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Turns an endpoint on (clearing its failure count) or off.</summary>
    public async Task<Result> SetEnabledAsync(Actor actor, Guid projectId, Guid endpointId, bool enabled, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefuseAsync(db, actor, projectId, ct) is { } refusal) return refusal;
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId && e.ProjectId == projectId, ct);
        if (endpoint is null) return Result.NotFound();
        if (endpoint.Enabled == enabled) return Result.Ok();
        endpoint.Enabled = enabled;
        endpoint.ConsecutiveFailures = 0;
        endpoint.DisabledAt = enabled ? null : Now;
        endpoint.DisabledReason = enabled ? null : $"Turned off by {actor.UserName}.";
        audit.Add(db, actor, enabled ? AuditActions.WebhookEnabled : AuditActions.WebhookDisabled, nameof(WebhookEndpoint),
            endpointId.ToString(), $"{(enabled ? "Enabled" : "Disabled")} the webhook {endpoint.Url}.", projectId);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>An endpoint's latest deliveries, newest first; null when the actor may not manage the project.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryView>?> DeliveriesAsync(Actor actor, Guid projectId, Guid endpointId,
        int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefuseAsync(db, actor, projectId, ct) is not null) return null;
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId && d.ProjectId == projectId)
            .OrderByDescending(d => d.CreatedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return rows.Select(WebhookDeliveryView.From).ToList();
    }

    /// <summary>Sends a delivery again as a new attempt series, with the same webhook-id so receivers can deduplicate.</summary>
    public async Task<Result> RedeliverAsync(Actor actor, Guid projectId, Guid deliveryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefuseAsync(db, actor, projectId, ct) is { } refusal) return refusal;
        var original = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.ProjectId == projectId, ct);
        if (original is null) return Result.NotFound();
        var now = Now;
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            EndpointId = original.EndpointId, ProjectId = projectId, MessageId = original.MessageId, EventType = original.EventType,
            Payload = original.Payload, State = WebhookDeliveryState.Pending, NextAttemptAt = now, CreatedAt = now,
        });
        audit.Add(db, actor, AuditActions.WebhookRedelivered, nameof(WebhookDelivery), deliveryId.ToString(),
            $"Redelivered the {original.EventType} event {original.MessageId}.", projectId);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>The plain signing secret for the delivery job.</summary>
    internal string UnprotectSecret(string protectedSecret) => protector.Unprotect(protectedSecret);

    private async Task<Dictionary<string, string>> ValidateAsync(WebhookInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var url = input.Url.Trim();
        if (url.Length > WebhookEndpoint.UrlMaxLength) errors[nameof(input.Url)] = "The URL is too long.";
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            errors[nameof(input.Url)] = "Enter an absolute http:// or https:// URL.";
        else if (!string.IsNullOrEmpty(uri.UserInfo)) errors[nameof(input.Url)] = "Leave credentials out of the URL; verify the signature instead.";
        else if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && WebhookAddressGuard.Describe(ip) is { } kind
                 && !await guard.IsHostAllowedAsync(uri.Host, ct))
            errors[nameof(input.Url)] = $"{uri.Host} is a {kind} address; webhooks may not reach it unless an admin allows this host.";
        if (input.Description.Trim().Length > 200) errors[nameof(input.Description)] = "Keep the description under 200 characters.";
        if (!input.Events.Any(WebhookEventTypes.All.Contains)) errors[nameof(input.Events)] = "Choose at least one event.";
        return errors;
    }

    private static async Task<Result?> RefuseAsync(VideoHubDbContext db, Actor actor, Guid projectId, CancellationToken ct)
    {
        var grant = await ProjectAccess.GetAsync(db, actor, projectId, ct);
        if (!grant.CanView) return Result.NotFound();
        return grant.CanManage ? null : Result.Forbidden(OwnersOnly);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
