using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>Turns error answers and transport exceptions into <see cref="ProviderError"/>s.</summary>
public static class ProviderErrorMapper
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private static readonly string[] PolicyCodes = ["moderation_blocked", "content_policy_violation", "content_filter"];

    public static async Task<ProviderError> FromResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var error = await ReadErrorAsync(response, ct);
        var message = string.IsNullOrWhiteSpace(error?.Message) ? DefaultMessage(response.StatusCode) : error!.Message!;
        var code = error?.Code;

        if (IsPolicy(error)) return new(ProviderErrorKind.RejectedByPolicy, message, error?.Param, code, status);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new(ProviderErrorKind.Unauthorized, message, error?.Param, code, status),
            HttpStatusCode.NotFound => new(ProviderErrorKind.NotFound, message, error?.Param, code, status),
            HttpStatusCode.TooManyRequests =>
                new(ProviderErrorKind.RateLimited, message, error?.Param, code, status, RetryAfterHeader.Read(response)),
            HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout =>
                new(ProviderErrorKind.Timeout, message, error?.Param, code, status),
            _ when status >= 500 => new(ProviderErrorKind.ServerError, message, error?.Param, code, status),
            _ when status >= 400 => new(ProviderErrorKind.InvalidRequest, message, error?.Param, code, status),
            _ => new(ProviderErrorKind.ProtocolError, $"Unexpected answer {status} from the provider.", null, code, status),
        };
    }

    /// <summary>
    /// Maps a transport exception; returns false for the caller's own cancellation (which must propagate) and for
    /// exceptions that are bugs rather than provider trouble.
    /// </summary>
    public static bool TryMapException(Exception ex, CancellationToken callerToken, out ProviderError error)
    {
        error = null!;
        if (callerToken.IsCancellationRequested && ex is OperationCanceledException) return false;
        error = ex switch
        {
            TimeoutRejectedException => new(ProviderErrorKind.Timeout, "The provider did not answer in time."),
            BrokenCircuitException => new(ProviderErrorKind.ServerError,
                "Calls to this provider are paused for a moment after repeated failures."),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError } =>
                new(ProviderErrorKind.Unreachable, "The provider could not be reached."),
            HttpRequestException or IOException => new(ProviderErrorKind.Interrupted,
                "The connection to the provider dropped before the answer was complete."),
            OperationCanceledException => new(ProviderErrorKind.Timeout, "The provider did not answer in time."),
            JsonException or NotSupportedException => new(ProviderErrorKind.ProtocolError,
                "The provider's answer is not in the expected format."),
            _ => null!,
        };
        return error is not null;
    }

    private static bool IsPolicy(ErrorDto? e) =>
        e is not null && (PolicyCodes.Contains(e.Code) || PolicyCodes.Contains(e.Type));

    private static async Task<ErrorDto?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength is > MaxErrorBodyBytes) return null;
        try
        {
            var envelope = await response.Content.ReadFromJsonAsync<ErrorEnvelopeDto>(WireJson.Responses, ct);
            return envelope?.Error;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException or IOException
            or InvalidOperationException)
        {
            return null; // an error page from a proxy, say: the status code is all there is
        }
    }

    private static string DefaultMessage(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "The provider refused the API key.",
        HttpStatusCode.Forbidden => "The API key may not use this provider resource.",
        HttpStatusCode.NotFound => "The provider does not know this object.",
        HttpStatusCode.TooManyRequests => "The provider asks to slow down.",
        _ when (int)status >= 500 => $"The provider failed ({(int)status}).",
        _ => $"The provider refused the request ({(int)status}).",
    };
}
