using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;

namespace VideoHub.Account;

/// <summary>Per-user UI choices kept in the user's row, so they follow the user to any browser.</summary>
public sealed class UserPreferences(AuthenticationStateProvider authState, IDbContextFactory<VideoHubDbContext> dbFactory)
{
    public async Task<bool?> GetDarkModeAsync()
    {
        var userId = await UserIdAsync();
        if (userId is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync();
    }

    public async Task SetDarkModeAsync(bool dark)
    {
        var userId = await UserIdAsync();
        if (userId is null) return;
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark));
    }

    private async Task<string?> UserIdAsync() =>
        (await authState.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier);
}
