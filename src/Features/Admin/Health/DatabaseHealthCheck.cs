using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VideoHub.Data;

namespace VideoHub.Features.Admin.Health;

/// <summary>The database opens, answers a query against the schema, and has every migration of this build applied.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<VideoHubDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.Database.CanConnectAsync(ct))
                return new(context.Registration.FailureStatus, "The database cannot be opened.");
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            var pending = db.Database.GetMigrations().Except(applied).ToList();
            _ = await db.Users.AsNoTracking().AnyAsync(ct);

            var data = new Dictionary<string, object>
            {
                ["provider"] = db.Database.ProviderName?.Split('.').Last() ?? "unknown",
                ["appliedMigrations"] = applied.Count,
                ["pendingMigrations"] = pending.Count,
                ["latestMigration"] = applied.LastOrDefault() ?? "none",
            };
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers and its schema is up to date.", data)
                : new(context.Registration.FailureStatus,
                    $"{pending.Count} database migration(s) of this version are not applied yet.", data: data);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return new(context.Registration.FailureStatus, "The database cannot be queried.", ex);
        }
    }
}
