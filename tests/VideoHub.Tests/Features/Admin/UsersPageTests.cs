using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using VideoHub.Account;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Features.Admin.Users;
using VideoHub.Tests.Infrastructure;
using static VideoHub.Tests.Features.Admin.AdminTestExtensions;

namespace VideoHub.Tests.Features.Admin;

/// <summary>The users page rendered by bunit over the real UserAdministration and a real SQLite database.</summary>
public sealed class UsersPageTests : IAsyncLifetime
{
    private readonly VideoHubFactory factory = new();
    private IServiceScope? scope;

    public Task InitializeAsync()
    {
        scope = factory.Services.CreateScope();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UsersPage_ShowsEveryUserFromTheDatabase_WithAdminBadgeAndStatus()
    {
        var admin = await factory.CreateUserAsync("ada@example.com", admin: true, displayName: "Ada Admin");
        var member = await factory.CreateUserAsync("max@example.com", displayName: "Max Member");
        var actor = await factory.ActorForAsync(admin);
        Assert.True((await scope!.ServiceProvider.GetRequiredService<UserAdministration>().DisableAsync(actor, member.Id)).Succeeded);
        await using var test = new MudTestContext(factory, admin.Id, admin.Email!, Roles.Admin);
        var ctx = test.Bunit;

        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<UsersPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=user-row]").Count));
        var rows = cut.FindAll("tr.mud-table-row").Where(r => r.QuerySelector("[data-testid=user-row]") is not null).ToList();
        var ada = rows.Single(r => r.TextContent.Contains("Ada Admin"));
        var max = rows.Single(r => r.TextContent.Contains("Max Member"));
        Assert.Contains("(you)", ada.TextContent);
        Assert.Equal("ada@example.com", ada.QuerySelector("[data-testid=user-email]")!.TextContent);
        Assert.NotNull(ada.QuerySelector("[data-testid=admin-badge]"));
        Assert.Contains("Active", ada.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Null(max.QuerySelector("[data-testid=admin-badge]"));
        Assert.Contains("Disabled", max.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Contains("vh-row-muted", max.ClassName);
    }

    public async Task DisposeAsync()
    {
        scope?.Dispose();
        factory.Dispose();
    }
}
