using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Users;

namespace VideoHub.Account;

/// <summary>
/// Resolves the signed-in user from the database on every call, so a revoked role or a disabled account takes
/// effect at once on the server, whatever the cookie or circuit still claims.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authState, IDbContextFactory<VideoHubDbContext> dbFactory)
{
    public async Task<Actor?> GetAsync(CancellationToken ct = default)
    {
        var state = await authState.GetAuthenticationStateAsync();
        return await ResolveAsync(dbFactory, state.User, ct);
    }

    public async Task<Actor> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new UnauthorizedAccessException("Sign in to continue.");

    public static async Task<Actor?> ResolveAsync(IDbContextFactory<VideoHubDbContext> dbFactory, ClaimsPrincipal principal,
        CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DisabledAt == null)
            .Select(u => new { u.Id, u.UserName, u.DisplayName })
            .FirstOrDefaultAsync(ct);
        if (user is null) return null;
        var isAdmin = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             where ur.UserId == userId && r.Name == Roles.Admin
                             select ur).AnyAsync(ct);
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName;
        return new Actor(user.Id, name, isAdmin);
    }
}
