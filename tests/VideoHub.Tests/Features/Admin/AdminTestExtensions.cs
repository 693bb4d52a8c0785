using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Account;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Admin;

internal static class AdminTestExtensions
{
    public static ClaimsPrincipal PrincipalFor(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));

    /// <summary>The actor a page would get: resolved from the database by CurrentUser.</summary>
    public static async Task<Actor> ActorForAsync(this VideoHubFactory factory, ApplicationUser user) =>
        await factory.ResolveAsync(user.Id) ?? throw new InvalidOperationException($"{user.Email} does not resolve to an actor");

    public static Task<Actor?> ResolveAsync(this VideoHubFactory factory, string userId) =>
        CurrentUser.ResolveAsync(factory.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>(), PrincipalFor(userId));

    public static Task<VideoHubDbContext> DbAsync(this VideoHubFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();

    public static async Task<ApplicationUser> UserAsync(this VideoHubFactory factory, string userId)
    {
        await using var db = await factory.DbAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
    }

    public static async Task<List<AuditEvent>> AuditForAsync(this VideoHubFactory factory, string entityId)
    {
        await using var db = await factory.DbAsync();
        return await db.AuditEvents.AsNoTracking().Where(a => a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync();
    }

    public static string UniqueEmail(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + "@example.com";
}
