using Microsoft.EntityFrameworkCore;
using VideoHub.Data;

namespace VideoHub.Hosting;

/// <summary>Brings the schema up to date before the server takes requests (hosted services start first).</summary>
public sealed class DatabaseMigrator(IDbContextFactory<VideoHubDbContext> dbFactory, ILogger<DatabaseMigrator> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL is stored in the file, so setting it once is enough; it lets readers work while a writer commits.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            log.LogInformation("Applying {Count} database migration(s): {Names}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
