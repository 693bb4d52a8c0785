using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;
using VideoHub.Features.Admin.Users;
using VideoHub.Tests.Infrastructure;
using static VideoHub.Tests.Features.Admin.AdminTestExtensions;

namespace VideoHub.Tests.Features.Admin;

public sealed class UserListTests(VideoHubFactory factory) : IClassFixture<VideoHubFactory>, IDisposable
{
    private readonly IServiceScope scope = factory.Services.CreateScope();
    private UserAdministration Admin => scope.ServiceProvider.GetRequiredService<UserAdministration>();

    [Fact]
    public async Task List_SearchesNameAndEmailIgnoringCase_AndPagesOnTheServer()
    {
        var actor = await factory.ActorForAsync(await factory.CreateUserAsync(UniqueEmail("admin"), admin: true));
        var tag = Guid.NewGuid().ToString("N")[..6];
        await factory.CreateUserAsync($"a-{tag}@example.com", displayName: "Ada");
        await factory.CreateUserAsync(UniqueEmail("b"), displayName: $"Bea {tag.ToUpperInvariant()}");
        await factory.CreateUserAsync($"c-{tag}@example.com", displayName: "Cy");
        await factory.CreateUserAsync(UniqueEmail("unrelated"), displayName: "Dee");

        var first = await Admin.ListAsync(actor, new UserListRequest(tag, Page: 0, PageSize: 2, UserSortField.DisplayName, Descending: false));
        var second = await Admin.ListAsync(actor, new UserListRequest(tag, Page: 1, PageSize: 2, UserSortField.DisplayName, Descending: false));

        Assert.Equal(3, first.TotalCount);
        Assert.Equal(["Ada", $"Bea {tag.ToUpperInvariant()}"], first.Rows.Select(r => r.DisplayName));
        Assert.Equal(["Cy"], second.Rows.Select(r => r.DisplayName));
    }

    [Fact]
    public async Task List_ShowsAdminBadge_Status_AndLastSignIn()
    {
        var admin = await factory.CreateUserAsync(UniqueEmail("boss"), admin: true, displayName: "Boss");
        var actor = await factory.ActorForAsync(admin);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var active = await factory.CreateUserAsync(UniqueEmail("active"), displayName: $"Active {tag}");
        var disabled = await factory.CreateUserAsync(UniqueEmail("disabled"), displayName: $"Disabled {tag}");
        var locked = await factory.CreateUserAsync(UniqueEmail("locked"), displayName: $"Locked {tag}");
        var promoted = await factory.CreateUserAsync(UniqueEmail("promoted"), admin: true, displayName: $"Promoted {tag}");
        Assert.True((await Admin.DisableAsync(actor, disabled.Id)).Succeeded);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        var signedInAt = new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);
        await using (var db = await factory.DbAsync())
        {
            db.AuditEvents.Add(new AuditEvent
            {
                At = signedInAt, ActorId = active.Id, ActorName = "Active", Action = AuditActions.SignInSucceeded,
                EntityType = "user", EntityId = active.Id, Summary = "Signed in",
            });
            db.AuditEvents.Add(new AuditEvent
            {
                At = signedInAt.AddDays(-3), ActorId = active.Id, ActorName = "Active", Action = AuditActions.SignInSucceeded,
                EntityType = "user", EntityId = active.Id, Summary = "Signed in",
            });
            await db.SaveChangesAsync();
        }

        var rows = (await Admin.ListAsync(actor, new UserListRequest(tag))).Rows.ToDictionary(r => r.Id);

        Assert.Equal(4, rows.Count);
        Assert.Equal(UserStatus.Active, rows[active.Id].Status);
        Assert.Equal(signedInAt, rows[active.Id].LastSignInAt);
        Assert.Equal(UserStatus.Disabled, rows[disabled.Id].Status);
        Assert.Equal(UserStatus.LockedOut, rows[locked.Id].Status);
        Assert.Null(rows[locked.Id].LastSignInAt);
        Assert.True(rows[promoted.Id].IsAdmin);
        Assert.False(rows[active.Id].IsAdmin);
    }

    public void Dispose() => scope.Dispose();
}
