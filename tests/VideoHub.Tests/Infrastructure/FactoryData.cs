using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;

namespace VideoHub.Tests.Infrastructure;

/// <summary>Reads what the app wrote, straight from its database.</summary>
public static class FactoryData
{
    public static async Task<T> QueryAsync<T>(this VideoHubFactory factory, Func<VideoHubDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static Task<List<ApplicationUser>> UsersAsync(this VideoHubFactory factory) =>
        factory.QueryAsync(db => db.Users.AsNoTracking().ToListAsync());

    public static Task<List<AuditEvent>> AuditAsync(this VideoHubFactory factory, string action) =>
        factory.QueryAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    public static async Task<bool> IsAdminAsync(this VideoHubFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        return await users.IsInRoleAsync(user, Roles.Admin);
    }
}
