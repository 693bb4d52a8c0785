using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Media;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>
/// Tidies up after crashes: temp files of writes that never committed, in-flight rows that lost their schedule,
/// and the SQLite write-ahead log.
/// </summary>
public sealed class RenderHousekeeping(IDbContextFactory<VideoHubDbContext> dbFactory, IMediaStorage storage, SweepSupport sweep,
    IOptionsMonitor<RenderingOptions> options, ILogger<RenderHousekeeping> log)
{
    public async Task RunOnceAsync(CancellationToken ct = default)
    {
        var now = sweep.Now;
        var deleted = storage.DeleteStaleTempFiles(now - options.CurrentValue.StaleTempFileAge);
        if (deleted > 0) log.LogInformation("Deleted {Count} stale temp media files.", deleted);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A row in flight always has a next attempt; one without (an interrupted write) gets it now.
        var rescheduled = await db.RenderRequests
            .Where(r => (r.State == RenderState.Submitting || r.State == RenderState.Rendering || r.State == RenderState.Downloading)
                && r.NextAttemptAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NextAttemptAt, now), ct);
        if (rescheduled > 0) log.LogInformation("Rescheduled {Count} in-flight render requests.", rescheduled);

        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }
}
