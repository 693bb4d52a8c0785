using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using VideoHub.Providers.OpenAiCompatible.Wire;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Providers.Local;

/// <summary>
/// Sends video.completed / video.failed events to the configured URLs, signed per Standard Webhooks. A delivery
/// that fails (any non-2xx, including redirects) is retried with exponential backoff; the webhook-id stays the same
/// across retries so the receiver can deduplicate. Pending deliveries live in memory: after a restart VideoHub's
/// polling still finds every job, which is what the events are only a hint for.
/// </summary>
public sealed class LocalWebhookSender(IHttpClientFactory http, TimeProvider clock, IOptions<LocalProviderOptions> options,
    ILogger<LocalWebhookSender> log) : BackgroundService
{
    public const string HttpClientName = "local-provider-webhooks";
    private readonly Channel<(string Type, string VideoId)> events = Channel.CreateUnbounded<(string, string)>();

    public void Enqueue(string type, string videoId)
    {
        if (options.Value.Webhooks.Count > 0) events.Writer.TryWrite((type, videoId));
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var inFlight = new List<Task>();
        try
        {
            await foreach (var (type, videoId) in events.Reader.ReadAllAsync(stop))
            {
                var created = clock.GetUtcNow().ToUnixTimeSeconds();
                var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookEventDto
                {
                    Id = LocalProviderStore.NewId("evt_"),
                    CreatedAt = created,
                    Type = type,
                    Data = new WebhookEventDataDto { Id = videoId },
                }, WireJson.Responses);
                var webhookId = LocalProviderStore.NewId("msg_");
                foreach (var target in options.Value.Webhooks)
                    inFlight.Add(DeliverAsync(target, webhookId, body, stop));
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) { /* stopping */ }
        await Task.WhenAll(inFlight);
    }

    private async Task DeliverAsync(LocalWebhookTarget target, string webhookId, byte[] body, CancellationToken stop)
    {
        var delay = options.Value.WebhookRetryDelay;
        for (var attempt = 1; attempt <= Math.Max(1, options.Value.WebhookMaxAttempts); attempt++)
        {
            try
            {
                if (await SendOnceAsync(target, webhookId, body, stop)) return;
                await Task.Delay(delay, clock, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            delay *= 2;
        }
        log.LogWarning("Gave up delivering webhook {WebhookId} to {Url}", webhookId, target.Url);
    }

    private async Task<bool> SendOnceAsync(LocalWebhookTarget target, string webhookId, byte[] body, CancellationToken stop)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(StandardWebhooks.IdHeader, webhookId);
        request.Headers.Add(StandardWebhooks.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhooks.SignatureHeader, StandardWebhooks.Sign(target.Secret, webhookId, timestamp, body));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, stop);
            return (int)response.StatusCode is >= 200 and < 300;
        }
        catch (HttpRequestException ex)
        {
            log.LogDebug("Webhook {WebhookId} to {Url} failed: {Message}", webhookId, target.Url, ex.Message);
            return false;
        }
        catch (TaskCanceledException) when (!stop.IsCancellationRequested)
        {
            return false; // the client's timeout
        }
    }
}
