using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Features.Api.Webhooks;

/// <summary>The answer of one delivery attempt: the final status and body, or why it could not be sent.</summary>
public sealed record WebhookAttempt(bool Succeeded, int? Status, string? Body, string? Error);

/// <summary>
/// POSTs one signed event (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature over the exact body).
/// Redirects are followed by hand, at most a few, each through the same connect-time address check.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptionsMonitor<WebhookOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "webhooks-outbound";
    private const int MaxBodyToKeep = Domain.Api.WebhookDelivery.ResponseMaxLength;

    public static IHttpClientBuilder AddWebhookHttpClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                ConnectCallback = sp.GetRequiredService<WebhookAddressGuard>().ConnectAsync,
            });

    public async Task<WebhookAttempt> SendAsync(string url, string secret, string messageId, string payload, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var signature = StandardWebhooks.Sign(secret, messageId, timestamp, body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.CurrentValue.RequestTimeout);
        var client = clients.CreateClient(HttpClientName);
        client.Timeout = Timeout.InfiniteTimeSpan;
        var target = new Uri(url);
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp)
                    return new WebhookAttempt(false, null, null, $"Refused a redirect to a {target.Scheme} address.");
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add(StandardWebhooks.IdHeader, messageId);
                request.Headers.Add(StandardWebhooks.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add(StandardWebhooks.SignatureHeader, signature);
                request.Headers.UserAgent.ParseAdd("VideoHub-Webhooks/1");
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= options.CurrentValue.MaxRedirects)
                        return new WebhookAttempt(false, status, null, "Too many redirects.");
                    target = location.IsAbsoluteUri ? location : new Uri(target, location);
                    continue;
                }
                var text = await ReadSomeAsync(response, timeout.Token);
                return new WebhookAttempt(status is >= 200 and < 300, status, text,
                    status is >= 200 and < 300 ? null : $"The receiver answered {status}.");
            }
        }
        catch (HttpRequestException ex) when (Refusal(ex) is { } refused)
        {
            return new WebhookAttempt(false, null, null, refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttempt(false, null, null, "Could not connect: " + ex.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookAttempt(false, null, null, "The receiver did not answer in time.");
        }
    }

    private static WebhookAddressRefusedException? Refusal(Exception ex) =>
        ex as WebhookAddressRefusedException ?? (ex.InnerException is { } inner ? Refusal(inner) : null);

    private static async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxBodyToKeep];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), ct) is var n and > 0) read += n;
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
