namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>Timeouts and retries of provider calls ("ProviderHttp" section). The defaults suit a real provider.</summary>
public sealed class ProviderHttpOptions
{
    public const string Section = "ProviderHttp";

    /// <summary>Everything one API call may take, retries and waits included.</summary>
    public TimeSpan ApiTotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>One attempt of an API call.</summary>
    public TimeSpan ApiAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Retries of a GET (POSTs are never retried automatically: DESIGN §3, exactly one render per request).</summary>
    public int MaxRetries { get; set; } = 3;
    /// <summary>First backoff delay; later ones grow exponentially with jitter. A Retry-After header replaces it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>A 429 asking to wait longer than this is handed back to the caller instead of waited out here.</summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A whole content download (a large MP4 over a slow link).</summary>
    public TimeSpan ContentTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Until a download's response headers arrive.</summary>
    public TimeSpan ContentHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>A download that delivers no byte for this long is abandoned as stalled.</summary>
    public TimeSpan ContentIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
