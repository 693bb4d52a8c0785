namespace VideoHub.Domain.Api;

public enum WebhookDeliveryState { Pending, Delivered, Failed }

/// <summary>One event for one endpoint: the outbox row the delivery job sends, retries and logs.</summary>
public class WebhookDelivery
{
    public const int MaxAttempts = 6;
    public const int ResponseMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EndpointId { get; set; }
    public Guid ProjectId { get; set; }
    /// <summary>The webhook-id header: the same for every attempt, so receivers can drop duplicates.</summary>
    public string MessageId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Payload { get; set; } = "";
    public WebhookDeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? ResponseStatus { get; set; }
    public string? ResponseBody { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
}
