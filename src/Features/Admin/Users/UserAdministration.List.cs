using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Admin.Users;

public sealed partial class UserAdministration
{
    public const int MaxPageSize = 100;

    /// <summary>One page of users, searched by email or display name, with the last sign-in of each row.</summary>
    public async Task<UserListPage> ListAsync(Actor actor, UserListRequest request, CancellationToken ct = default)
    {
        AdminGuard.Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        var search = request.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            // NormalizedEmail is upper-case already; comparing upper with upper behaves the same on every database.
            var upper = search.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
        }
        var total = await query.CountAsync(ct);

        query = (request.SortBy, request.Descending) switch
        {
            (UserSortField.DisplayName, false) => query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
            (UserSortField.DisplayName, true) => query.OrderByDescending(u => u.DisplayName).ThenBy(u => u.Id),
            (UserSortField.Email, false) => query.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id),
            (UserSortField.Email, true) => query.OrderByDescending(u => u.NormalizedEmail).ThenBy(u => u.Id),
            (_, false) => query.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
            _ => query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id),
        };
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var adminRoleIds = db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id);
        var page = await query
            .Skip(Math.Max(0, request.Page) * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.CreatedAt, u.DisabledAt, u.LockoutEnd,
                IsAdmin = db.UserRoles.Any(ur => ur.UserId == u.Id && adminRoleIds.Contains(ur.RoleId)),
            })
            .ToListAsync(ct);

        var ids = page.Select(u => u.Id).ToList();
        // Uses the (ActorId, At) index: a successful sign-in is recorded with the user as the actor.
        var lastSignIns = await db.AuditEvents.AsNoTracking()
            .Where(a => a.ActorId != null && ids.Contains(a.ActorId) && a.Action == AuditActions.SignInSucceeded)
            .GroupBy(a => a.ActorId!)
            .Select(g => new { UserId = g.Key, At = g.Max(a => a.At) })
            .ToDictionaryAsync(x => x.UserId, x => x.At, ct);

        var now = clock.GetUtcNow();
        var rows = page.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.DisplayName, u.IsAdmin,
            u.DisabledAt is not null ? UserStatus.Disabled : u.LockoutEnd > now ? UserStatus.LockedOut : UserStatus.Active,
            u.CreatedAt, u.DisabledAt, u.LockoutEnd,
            lastSignIns.TryGetValue(u.Id, out var at) ? at : null)).ToList();
        return new UserListPage(rows, total);
    }
}
