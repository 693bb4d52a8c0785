namespace VideoHub.Domain.Providers;

/// <summary>
/// A verified webhook a provider delivered. The (provider, webhook-id) pair is unique, which is how replays are
/// recognised. A delivery carries no state: it only marks the provider's video as due for an immediate poll, and the
/// render sweep sets <see cref="ProcessedAt"/> once it has polled.
/// </summary>
public class ProviderWebhookDelivery
{
    public const int WebhookIdMaxLength = 200;

    public long Id { get; set; }
    public string ProviderId { get; set; } = "";
    public string WebhookId { get; set; } = "";
    /// <summary>The event type ("video.completed", "video.failed", or any other the provider sends).</summary>
    public string EventType { get; set; } = "";
    /// <summary>The provider's id of the object the event is about (data.id), e.g. the video id.</summary>
    public string? ObjectId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
}
