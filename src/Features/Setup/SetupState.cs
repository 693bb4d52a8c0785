using Microsoft.EntityFrameworkCore;
using VideoHub.Data;

namespace VideoHub.Features.Setup;

/// <summary>
/// Whether this install still needs its first account. Asked on every request by the first-run redirect, so once
/// a user exists the answer is kept in memory and the database is no longer asked (were every user deleted later,
/// a restart would bring /setup back).
/// </summary>
public sealed class SetupState(IDbContextFactory<VideoHubDbContext> dbFactory)
{
    private volatile bool usersExist;

    /// <summary>Serialises creating the first admin (setup page and bootstrap) inside this process.</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public async ValueTask<bool> IsSetupNeededAsync(CancellationToken ct = default)
    {
        if (usersExist) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(ct)) return true;
        usersExist = true;
        return false;
    }

    internal void MarkUsersExist() => usersExist = true;
}
