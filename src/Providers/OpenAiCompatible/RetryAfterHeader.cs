namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>Reads how long a provider asks to wait: retry-after-ms (OpenAI), then Retry-After (seconds or a date).</summary>
public static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider? clock = null)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta;
        if (retryAfter?.Date is { } date)
        {
            var wait = date - (clock ?? TimeProvider.System).GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>The openai-poll-after-ms hint a server sends with an unfinished job.</summary>
    public static TimeSpan? ReadPollAfter(HttpResponseMessage response) =>
        response.Headers.TryGetValues("openai-poll-after-ms", out var values)
        && long.TryParse(values.FirstOrDefault(), out var ms) && ms >= 0 ? TimeSpan.FromMilliseconds(ms) : null;
}
