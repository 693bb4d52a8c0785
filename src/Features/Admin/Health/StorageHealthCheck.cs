using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VideoHub.Hosting;

namespace VideoHub.Features.Admin.Health;

/// <summary>The data folder takes a write: a small file is written there and deleted again.</summary>
public sealed class StorageHealthCheck(IOptions<DataOptions> options) : IHealthCheck
{
    // Messages leave the path out: /healthz is anonymous. The System page shows the path to administrators.
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var folder = options.Value.FullPath;
        if (File.Exists(folder)) return Fail(context, "The data folder is a file, not a folder.");
        if (!Directory.Exists(folder)) return Fail(context, "The data folder does not exist.");

        var probe = Path.Combine(folder, $".healthz-{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(probe, "VideoHub storage check", ct);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(probe);
            return Fail(context, "The data folder is not writable.", ex);
        }

        var data = new Dictionary<string, object>();
        if (FreeBytes(folder) is { } free) data["freeBytes"] = free;
        return HealthCheckResult.Healthy("The data folder is writable.", data);
    }

    private static HealthCheckResult Fail(HealthCheckContext context, string message, Exception? ex = null) =>
        new(context.Registration.FailureStatus, message, ex);

    private static long? FreeBytes(string folder)
    {
        try { return new DriveInfo(folder).AvailableFreeSpace; }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException) { return null; }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* the failure is reported already */ }
    }
}
