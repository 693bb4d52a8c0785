using VideoHub.Domain.Api;

namespace VideoHub.Features.Api.Webhooks;

public sealed class WebhookInput
{
    public string Url { get; set; } = "";
    public string Description { get; set; } = "";
    public HashSet<string> Events { get; set; } = [.. WebhookEventTypes.All];
}

public sealed record WebhookEndpointView(Guid Id, string Url, string Description, IReadOnlyList<string> Events, bool Enabled,
    int ConsecutiveFailures, DateTime? DisabledAt, string? DisabledReason, DateTime CreatedAt)
{
    public static WebhookEndpointView From(WebhookEndpoint e) => new(e.Id, e.Url, e.Description, e.EventList, e.Enabled,
        e.ConsecutiveFailures, e.DisabledAt, e.DisabledReason, e.CreatedAt);
}

/// <summary>A new endpoint and its signing secret, shown once.</summary>
public sealed record CreatedWebhook(Guid Id, string Secret);

public sealed record WebhookDeliveryView(Guid Id, string MessageId, string EventType, WebhookDeliveryState State, int Attempts,
    DateTime CreatedAt, DateTime? LastAttemptAt, DateTime? NextAttemptAt, int? ResponseStatus, string? ResponseBody, string? Error,
    string Payload)
{
    public static WebhookDeliveryView From(WebhookDelivery d) => new(d.Id, d.MessageId, d.EventType, d.State, d.Attempts,
        d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt, d.ResponseStatus, d.ResponseBody, d.Error, d.Payload);
}

public sealed record AllowedHostView(long Id, string Host, string AddedBy, DateTime AddedAt);
