using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Local;

/// <summary>
/// Runs around every local provider endpoint: Bearer authentication, the fault knobs, and the error envelope for
/// refusals and crashes (so VideoHub's HTML error and status-code pages never answer an API call).
/// </summary>
public sealed class LocalProviderFilter(LocalProviderKey key, IOptions<LocalProviderOptions> options, FaultCounters counters,
    ILogger<LocalProviderFilter> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        try
        {
            Authenticate(http);
            var faults = LocalFaults.Decide(http, options.Value.Faults, counters);
            if (faults.SlowMs > 0) await Task.Delay(faults.SlowMs, http.RequestAborted);
            if (faults.RateLimit)
            {
                http.Response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.Response.Headers["retry-after-ms"] = (faults.RetryAfterSeconds * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw WireError.RateLimited();
            }
            if (faults.ServerError) throw WireError.Server();
            return await next(context);
        }
        catch (WireError error)
        {
            return Results.Json(error.ToEnvelope(), WireJson.Responses, statusCode: error.Status);
        }
        catch (BadHttpRequestException ex)
        {
            var error = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? WireError.TooLarge(options.Value.MaxUploadBytes)
                : WireError.Invalid($"The request could not be read: {ex.Message}", null, null);
            return Results.Json(error.ToEnvelope(), WireJson.Responses, statusCode: error.Status);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            log.LogError(ex, "Local provider failed on {Method} {Path}", http.Request.Method, http.Request.Path);
            return Results.Json(WireError.Server().ToEnvelope(), WireJson.Responses, statusCode: 500);
        }
    }

    private void Authenticate(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
            throw WireError.Unauthorized("You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", null);
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (!key.Matches(presented)) throw WireError.Unauthorized("Incorrect API key provided.", "invalid_api_key");
    }
}
