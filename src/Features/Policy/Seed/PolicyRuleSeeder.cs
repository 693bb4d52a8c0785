using Microsoft.EntityFrameworkCore;
using VideoHub.Data;

namespace VideoHub.Features.Policy.Seed;

/// <summary>
/// Inserts the default rules when the rule table is empty, so a new installation is guarded from the start. Runs
/// after the DatabaseMigrator (hosted services start in registration order). Rules admins edited or disabled are
/// never overwritten; only an empty table gets the defaults (so disable rules rather than deleting all of them).
/// </summary>
public sealed class PolicyRuleSeeder(IDbContextFactory<VideoHubDbContext> dbFactory, PolicyRuleCache cache,
    TimeProvider clock, ILogger<PolicyRuleSeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct) => await SeedAsync(ct);

    /// <summary>Returns how many rules were inserted (0 when the table already had rules).</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.PolicyRules.AnyAsync(ct)) return 0;
        var rules = DefaultPolicyRules.Load(clock.GetUtcNow().UtcDateTime);
        db.PolicyRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        log.LogInformation("Added {Count} default content rules", rules.Count);
        return rules.Count;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
