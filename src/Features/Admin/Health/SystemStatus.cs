using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Hosting;

namespace VideoHub.Features.Admin.Health;

public sealed record SystemFacts(
    string AppVersion, string DotNetVersion, string OperatingSystem, string Environment, string DataPath,
    long? DatabaseBytes, DateTime StartedAtUtc, TimeSpan Uptime);

/// <summary>What the System page shows: the health checks (the same ones /healthz runs) and facts about this node.</summary>
public sealed class SystemStatus(
    HealthCheckService health, MediaToolProbe mediaTools, IOptions<DataOptions> data, IHostEnvironment environment,
    IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock)
{
    private static readonly DateTime ProcessStartedUtc = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>Runs every health check; <paramref name="fresh"/> also asks ffmpeg and ffprobe again instead of using the cache.</summary>
    public async Task<HealthReport> CheckAsync(Actor actor, bool fresh = false, CancellationToken ct = default)
    {
        AdminGuard.Demand(actor);
        if (fresh) mediaTools.Forget();
        return await health.CheckHealthAsync(ct);
    }

    public async Task<SystemFacts> FactsAsync(Actor actor, CancellationToken ct = default)
    {
        AdminGuard.Demand(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        return new SystemFacts(
            AppVersion(), RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription,
            environment.EnvironmentName, data.Value.FullPath, await DatabaseBytesAsync(ct),
            ProcessStartedUtc, now - ProcessStartedUtc);
    }

    private static string AppVersion()
    {
        var version = typeof(SystemStatus).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SystemStatus).Assembly.GetName().Version?.ToString() ?? "unknown";
        // "1.0.0+<full commit hash>" reads better with a short hash.
        var plus = version.IndexOf('+');
        return plus > 0 && version.Length > plus + 8 ? $"{version[..plus]} ({version[(plus + 1)..(plus + 8)]})" : version;
    }

    /// <summary>The SQLite file and its write-ahead log; null for other databases.</summary>
    private async Task<long?> DatabaseBytesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite()) return null;
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(file) || !File.Exists(file)) return null;
        return new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
    }
}
