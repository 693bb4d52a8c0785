namespace VideoHub.Features.Rendering;

/// <summary>Timing of the render sweeps ("Rendering" section); tests shorten them.</summary>
public sealed class RenderingOptions
{
    public const string Section = "Rendering";

    /// <summary>Run the Quartz scheduler (tests that drive the sweeps themselves turn it off).</summary>
    public bool SchedulerEnabled { get; set; } = true;
    public TimeSpan SubmitInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan DownloadInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>The batch sweep: provider batches (upload, create, poll, map back) and finishing batches.</summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan BatchPollMinInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan BatchPollMaxInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A submission whose answer was lost is re-sent (same Idempotency-Key) after this long at the earliest.</summary>
    public TimeSpan SubmitRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Transient submission failures before the request fails as provider_failed.</summary>
    public int MaxSubmitAttempts { get; set; } = 10;

    public TimeSpan PollMinInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan PollMaxInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a render may take at the provider before it fails as timed_out.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromHours(2);
    /// <summary>A webhook delivery naming a job no request knows (yet) stays pending this long before it is dropped.</summary>
    public TimeSpan WebhookGrace { get; set; } = TimeSpan.FromMinutes(10);

    public int MaxDownloadAttempts { get; set; } = 5;
    public TimeSpan DownloadRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Temp files of unfinished writes older than this are deleted by housekeeping.</summary>
    public TimeSpan StaleTempFileAge { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Rows handled per sweep, so one sweep never runs long.</summary>
    public int BatchSize { get; set; } = 20;
}
