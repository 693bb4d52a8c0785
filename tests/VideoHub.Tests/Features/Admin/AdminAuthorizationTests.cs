using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Features.Admin;
using VideoHub.Features.Admin.Audit;
using VideoHub.Features.Admin.Health;
using VideoHub.Features.Admin.Users;
using VideoHub.Tests.Infrastructure;
using static VideoHub.Tests.Features.Admin.AdminTestExtensions;

namespace VideoHub.Tests.Features.Admin;

/// <summary>The services check the actor themselves; hiding a button is never the only guard.</summary>
public sealed class AdminAuthorizationTests(VideoHubFactory factory) : IClassFixture<VideoHubFactory>, IDisposable
{
    private readonly IServiceScope scope = factory.Services.CreateScope();
    private T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task NonAdminActor_IsRefusedByEveryServiceMethod_AndNothingChanges()
    {
        await factory.CreateUserAsync(UniqueEmail("admin"), admin: true);
        var member = await factory.ActorForAsync(await factory.CreateUserAsync(UniqueEmail("member")));
        Assert.False(member.IsAdmin);
        var target = await factory.CreateUserAsync(UniqueEmail("target"), admin: true);
        var before = await SnapshotAsync(target.Id);
        var users = Get<UserAdministration>();
        var newEmail = UniqueEmail("sneaky");

        AdminResult[] results =
        [
            await users.CreateUserAsync(member, new NewUser(newEmail, "Sneaky", "a fine long passphrase")),
            await users.DisableAsync(member, target.Id),
            await users.EnableAsync(member, target.Id),
            await users.ResetPasswordAsync(member, target.Id, "a fine long passphrase"),
            await users.GrantAdminAsync(member, member.UserId),
            await users.RevokeAdminAsync(member, target.Id),
        ];

        Assert.All(results, r => Assert.Equal(AdminResult.NotAllowed, r));
        Assert.Equal(before, await SnapshotAsync(target.Id));
        Assert.False((await factory.ResolveAsync(member.UserId))!.IsAdmin);
        await using (var db = await factory.DbAsync())
            Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == newEmail.ToUpperInvariant()));

        var audit = Get<AuditQuery>();
        var system = Get<SystemStatus>();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.ListAsync(member, new UserListRequest()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => audit.PageAsync(member, new AuditFilter()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => audit.FindActorsAsync(member, ""));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => audit.FindProjectsAsync(member, ""));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => audit.EntityTypesAsync(member));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => system.CheckAsync(member));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => system.FactsAsync(member));
    }

    /// <summary>Everything an admin action could change about a user, plus the size of the audit log.</summary>
    private async Task<string> SnapshotAsync(string userId)
    {
        await using var db = await factory.DbAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == userId);
        var roles = await db.UserRoles.CountAsync(r => r.UserId == userId);
        var audit = await db.AuditEvents.CountAsync();
        return $"{u.SecurityStamp}|{u.PasswordHash}|{u.DisabledAt}|{u.LockoutEnd}|{roles}|{audit}";
    }

    public void Dispose() => scope.Dispose();
}
