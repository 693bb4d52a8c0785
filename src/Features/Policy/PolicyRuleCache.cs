using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Features.Policy.Matching;

namespace VideoHub.Features.Policy;

/// <summary>
/// The compiled rule set, built once and reused for every keystroke check until a rule changes. Edits on this node
/// invalidate it at once; a short maximum age lets other nodes pick up edits made elsewhere.
/// </summary>
public sealed class PolicyRuleCache(IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Entry? current;
    private long version;

    private sealed record Entry(CompiledRuleSet Rules, long Version, DateTimeOffset LoadedAt);

    public TimeSpan RegexTimeout { get; set; } = CompiledRuleSet.RegexTimeout;

    public async ValueTask<CompiledRuleSet> GetAsync(CancellationToken ct = default)
    {
        if (IsFresh(current)) return current!.Rules;
        await gate.WaitAsync(ct);
        try
        {
            if (IsFresh(current)) return current!.Rules;
            var loading = Interlocked.Read(ref version);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rules = await db.PolicyRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Id).ToListAsync(ct);
            var entry = new Entry(new CompiledRuleSet(rules, RegexTimeout), loading, clock.GetUtcNow());
            current = entry;
            return entry.Rules;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Call after any change to the rules.</summary>
    public void Invalidate() => Interlocked.Increment(ref version);

    private bool IsFresh(Entry? e) =>
        e is not null && e.Version == Interlocked.Read(ref version) && clock.GetUtcNow() - e.LoadedAt < MaxAge;
}
