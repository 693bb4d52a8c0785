namespace VideoHub.Features.Catalog;

/// <summary>Limits of the catalog ("Catalog" section): upload size and length, and how registration retries.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>The largest source clip accepted, in bytes (default 50 MB); bigger uploads are refused while streaming.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;
    /// <summary>Clips longer than this are refused outright; between 4 s and this, a trim is offered.</summary>
    public double MaxSourceSeconds { get; set; } = 60;

    /// <summary>Provider guidance for character clips (DESIGN §2): 2–4 s, 16:9 or 9:16, 720p–1080p.</summary>
    public double MinSeconds { get; set; } = 2;
    public double MaxSeconds { get; set; } = 4;
    public int MinShortSide { get; set; } = 720;
    public int MaxShortSide { get; set; } = 1080;

    /// <summary>Transient registration failures before a registration is marked failed.</summary>
    public int MaxRegistrationAttempts { get; set; } = 6;
    public TimeSpan RegistrationRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan RegistrationInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Staged uploads nobody finished are deleted after this long.</summary>
    public TimeSpan StagedUploadLifetime { get; set; } = TimeSpan.FromHours(2);
}
