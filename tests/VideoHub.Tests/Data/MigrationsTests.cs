using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using VideoHub.Data;

namespace VideoHub.Tests.Data;

/// <summary>The migrations a fresh install runs, applied to a real SQLite file.</summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("videohub-migrations-").FullName;

    [Fact]
    public async Task FreshDatabase_MigratesWithoutRebuildWarnings_AndMatchesTheModel()
    {
        // A statement placed after an operation that rebuilds a table is logged as "the database may not be in an
        // expected state" on every fresh install; turned into an error here, so such a migration cannot land.
        var options = new DbContextOptionsBuilder<VideoHubDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "fresh.db")};Pooling=False")
            .ConfigureWarnings(w => w.Throw(SqliteEventId.TableRebuildPendingWarning))
            .Options;
        await using var db = new VideoHubDbContext(options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: add a migration.");
        // The gallery's full-text index is made by the migrations and follows inserts into Videos.
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE name LIKE 'VideoSearch%'").ToListAsync();
        Assert.Contains("VideoSearch", tables);
        Assert.Contains("VideoSearch_ai", tables);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
