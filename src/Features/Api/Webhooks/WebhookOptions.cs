namespace VideoHub.Features.Api.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Hosts allowed although they resolve to loopback/private addresses (besides the admin page's list).</summary>
    public List<string> AllowedHosts { get; set; } = [];
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>First retry delay; each next one is four times longer (10 s, 40 s, 160 s, …).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxAttempts { get; set; } = 6;
    /// <summary>Failed attempts in a row (across deliveries) after which the endpoint is disabled and Owners told.</summary>
    public int DisableAfterFailures { get; set; } = 15;
    public int MaxRedirects { get; set; } = 3;
}
