namespace VideoHub.Domain.Api;

/// <summary>A host an Admin allowed webhooks to reach although it resolves to a loopback or private address.</summary>
public class WebhookAllowedHost
{
    public const int HostMaxLength = 253;

    public long Id { get; set; }
    public string Host { get; set; } = "";
    public string AddedBy { get; set; } = "";
    public DateTime AddedAt { get; set; }
}
