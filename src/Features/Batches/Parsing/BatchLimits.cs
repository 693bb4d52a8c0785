namespace VideoHub.Features.Batches.Parsing;

/// <summary>Explicit limits of what a batch upload may be (DESIGN §5: uploads have explicit size limits).</summary>
public static class BatchLimits
{
    public const long MaxFileBytes = 10L * 1024 * 1024;
    public const long MaxImagesZipBytes = 100L * 1024 * 1024;
    public const long MaxImageBytes = 20L * 1024 * 1024;
    public const int MaxRows = 5000;
    public const int MaxPromptsInGrid = 50;

    public static string Describe(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}
