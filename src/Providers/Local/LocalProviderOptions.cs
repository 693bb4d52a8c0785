namespace VideoHub.Providers.Local;

/// <summary>Settings of the built-in local provider ("LocalProvider" section).</summary>
public sealed class LocalProviderOptions
{
    public const string Section = "LocalProvider";

    /// <summary>Mount the local provider in the app at <see cref="LocalProviderAddress.MountPath"/>.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>The key clients must send as a Bearer token. When empty, one is generated once and kept in <see cref="DataPath"/>.</summary>
    public string? ApiKey { get; set; }
    /// <summary>How VideoHub reaches it; by default the app's own listening address plus the mount path.</summary>
    public string? BaseUrl { get; set; }
    /// <summary>Its own folder; by default &lt;Data:Path&gt;/local-provider.</summary>
    public string? DataPath { get; set; }

    /// <summary>At most this many ffmpeg processes at once (the machine has 2 cores).</summary>
    public int MaxConcurrentRenders { get; set; } = 1;
    /// <summary>x264 preset; ultrafast keeps tests and the default install quick.</summary>
    public string Preset { get; set; } = "ultrafast";
    /// <summary>Emulated render pace: a job takes at least this many wall seconds per second of output.</summary>
    public double RenderSecondsPerVideoSecond { get; set; } = 0.25;
    /// <summary>How long a new job stays queued before a worker takes it.</summary>
    public TimeSpan QueuedDelay { get; set; } = TimeSpan.FromMilliseconds(300);
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    /// <summary>The openai-poll-after-ms hint sent with unfinished jobs.</summary>
    public int PollAfterMs { get; set; } = 1000;
    /// <summary>How long downloads stay available after completion (the real service: about an hour).</summary>
    public TimeSpan ContentLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Terms added to the built-in provider-side moderation list.</summary>
    public List<string> ModerationTerms { get; set; } = [];

    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;
    public long MaxBatchFileBytes { get; set; } = 200L * 1024 * 1024;

    public LocalFaultOptions Faults { get; set; } = new();

    /// <summary>Where video.completed / video.failed events are sent, each with its own signing secret.</summary>
    public List<LocalWebhookTarget> Webhooks { get; set; } = [];
    public int WebhookMaxAttempts { get; set; } = 8;
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Faults the provider injects by configuration (the X-Local-Provider-Fault header does it per request).</summary>
public sealed class LocalFaultOptions
{
    /// <summary>Share of new jobs (0–1) that fail during generation.</summary>
    public double FailureRate { get; set; }
    /// <summary>Share of requests (0–1) answered 429 with Retry-After.</summary>
    public double RateLimitRate { get; set; }
    public int RetryAfterSeconds { get; set; } = 1;
    /// <summary>Share of requests (0–1) answered 500.</summary>
    public double ServerErrorRate { get; set; }
    /// <summary>Delay added before every answer.</summary>
    public int SlowMs { get; set; }
    /// <summary>Cut every content download off halfway.</summary>
    public bool TruncateDownloads { get; set; }
}

public sealed class LocalWebhookTarget
{
    public string Url { get; set; } = "";
    /// <summary>whsec_ followed by base64 (Standard Webhooks).</summary>
    public string Secret { get; set; } = "";
}
