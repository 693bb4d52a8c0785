using System.Collections.Concurrent;
using System.Globalization;

namespace VideoHub.Providers.Local;

/// <summary>
/// The faults asked for on one request: configuration (LocalProvider:Faults) combined with the test header
/// <c>X-Local-Provider-Fault: fail, rate-limit=2, retry-after=1, server-error[=N], slow=500, truncate, key=any</c>.
/// Counted faults ("rate-limit=2": the first two requests carrying this exact header value) keep their count per
/// header value, so a test picks a distinct <c>key=</c> to get its own burst.
/// </summary>
public sealed record LocalFaults(bool Fail, bool RateLimit, int RetryAfterSeconds, bool ServerError, int SlowMs, bool Truncate)
{
    public const string Header = "X-Local-Provider-Fault";
    private static readonly object ItemKey = new();

    public static readonly LocalFaults None = new(false, false, 1, false, 0, false);

    public static LocalFaults Of(HttpContext http) => http.Items[ItemKey] as LocalFaults ?? None;

    internal static LocalFaults Decide(HttpContext http, LocalFaultOptions config, FaultCounters counters)
    {
        var faults = new LocalFaults(
            Fail: Chance(config.FailureRate),
            RateLimit: Chance(config.RateLimitRate),
            RetryAfterSeconds: Math.Max(0, config.RetryAfterSeconds),
            ServerError: Chance(config.ServerErrorRate),
            SlowMs: Math.Max(0, config.SlowMs),
            Truncate: config.TruncateDownloads);

        var header = http.Request.Headers[Header].ToString();
        if (header.Length > 0)
        {
            var knobs = new Dictionary<string, string?>();
            foreach (var knob in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = knob.Split('=', 2);
                knobs[parts[0].ToLowerInvariant()] = parts.Length > 1 ? parts[1] : null;
            }
            var seen = counters.Next(header);
            faults = faults with
            {
                Fail = faults.Fail || knobs.ContainsKey("fail"),
                RateLimit = faults.RateLimit || (knobs.TryGetValue("rate-limit", out var rl) && seen <= Int(rl, int.MaxValue)),
                RetryAfterSeconds = knobs.TryGetValue("retry-after", out var ra) ? Int(ra, 1) : faults.RetryAfterSeconds,
                ServerError = faults.ServerError || (knobs.TryGetValue("server-error", out var se) && seen <= Int(se, int.MaxValue)),
                SlowMs = knobs.TryGetValue("slow", out var slow) ? Int(slow, 0) : faults.SlowMs,
                Truncate = faults.Truncate || knobs.ContainsKey("truncate"),
            };
        }
        http.Items[ItemKey] = faults;
        return faults;
    }

    private static bool Chance(double rate) => rate > 0 && Random.Shared.NextDouble() < rate;

    private static int Int(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : fallback;
}

/// <summary>How many requests carried each fault header value.</summary>
public sealed class FaultCounters
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public int Next(string header) => counts.AddOrUpdate(header, 1, (_, n) => n + 1);
}
