using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Webhooks;

/// <summary>
/// POST /webhooks/providers/{providerId}: a provider's signed event. Machine to machine, so no cookie, no
/// antiforgery: the Standard Webhooks signature is the authentication. It answers quickly and only records that
/// the object is due for an immediate poll; the state always comes from a GET (DESIGN §3).
/// </summary>
public static class ProviderWebhookEndpoint
{
    public const string Path = "/webhooks/providers/{providerId}";
    private const int MaxBodyBytes = 256 * 1024;

    public static RouteHandlerBuilder MapProviderWebhooks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync).AllowAnonymous().DisableAntiforgery();

    private static async Task<IResult> HandleAsync(string providerId, HttpContext http, VideoProviderRegistry registry,
        ProviderWebhookInbox inbox, TimeProvider clock, ILoggerFactory loggers)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        var log = loggers.CreateLogger(typeof(ProviderWebhookEndpoint));
        var secret = await registry.GetWebhookSecretAsync(providerId, http.RequestAborted);
        if (secret is null) return Answer(404, "unknown provider or webhooks not configured");

        if (http.Request.ContentLength > MaxBodyBytes) return Answer(413, "payload too large");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException) { return Answer(413, "payload too large"); }

        var headers = http.Request.Headers;
        var id = headers[StandardWebhooks.IdHeader].ToString();
        var verification = StandardWebhooks.Verify(secret, id, headers[StandardWebhooks.TimestampHeader].ToString(),
            headers[StandardWebhooks.SignatureHeader].ToString(), body, clock.GetUtcNow());
        if (verification != WebhookVerification.Valid)
        {
            log.LogWarning("Rejected a webhook for provider {ProviderId}: {Reason}", providerId, verification);
            return verification == WebhookVerification.InvalidSignature
                ? Answer(401, "invalid signature")
                : Answer(400, verification switch
                {
                    WebhookVerification.TimestampTooOld => "timestamp too old",
                    WebhookVerification.TimestampTooNew => "timestamp too new",
                    WebhookVerification.InvalidTimestamp => "invalid timestamp",
                    _ => "missing webhook headers",
                });
        }
        if (id.Length > Domain.Providers.ProviderWebhookDelivery.WebhookIdMaxLength) return Answer(400, "webhook-id too long");

        WebhookEventDto? payload;
        try { payload = JsonSerializer.Deserialize<WebhookEventDto>(body, WireJson.Responses); }
        catch (JsonException) { return Answer(400, "body is not a JSON event"); }
        if (payload is null || string.IsNullOrEmpty(payload.Type)) return Answer(400, "body is not a JSON event");

        var recorded = await inbox.RecordAsync(providerId, id, payload.Type, payload.Data?.Id, http.RequestAborted);
        return Answer(200, recorded ? "received" : "duplicate");
    }

    private static IResult Answer(int status, string message) =>
        Results.Json(status < 300 ? new { status = message } : (object)new { error = message }, statusCode: status);
}
