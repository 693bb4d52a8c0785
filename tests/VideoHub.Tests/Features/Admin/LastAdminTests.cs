using Microsoft.Extensions.DependencyInjection;
using VideoHub.Features.Admin.Users;
using VideoHub.Tests.Infrastructure;
using static VideoHub.Tests.Features.Admin.AdminTestExtensions;

namespace VideoHub.Tests.Features.Admin;

/// <summary>Each test has its own database, so "the last active administrator" is exactly who the test makes.</summary>
public sealed class LastAdminTests : IDisposable
{
    private readonly VideoHubFactory factory = new();
    private readonly IServiceScope scope;

    public LastAdminTests() => scope = factory.Services.CreateScope();

    private UserAdministration Admin => scope.ServiceProvider.GetRequiredService<UserAdministration>();

    [Fact]
    public async Task RevokeAdmin_OfTheLastActiveAdmin_IsRefused()
    {
        var only = await factory.ActorForAsync(await factory.CreateUserAsync(UniqueEmail("only"), admin: true));

        var result = await Admin.RevokeAdminAsync(only, only.UserId);

        Assert.False(result.Succeeded);
        Assert.Contains("last active administrator", result.Message);
        Assert.True((await factory.ResolveAsync(only.UserId))!.IsAdmin);
        Assert.Empty(await factory.AuditForAsync(only.UserId));
    }

    [Fact]
    public async Task Disable_TheLastActiveAdmin_IsRefused()
    {
        var only = await factory.ActorForAsync(await factory.CreateUserAsync(UniqueEmail("only"), admin: true));

        var result = await Admin.DisableAsync(only, only.UserId);

        Assert.False(result.Succeeded);
        Assert.Contains("last active administrator", result.Message);
        Assert.Null((await factory.UserAsync(only.UserId)).DisabledAt);
    }

    [Fact]
    public async Task RevokeAdmin_WhenTheOtherAdminIsDisabled_CountsOnlyActiveAdmins()
    {
        var me = await factory.ActorForAsync(await factory.CreateUserAsync(UniqueEmail("me"), admin: true));
        var other = await factory.CreateUserAsync(UniqueEmail("other"), admin: true);
        Assert.True((await Admin.DisableAsync(me, other.Id)).Succeeded);

        var result = await Admin.RevokeAdminAsync(me, me.UserId);

        Assert.False(result.Succeeded);
        Assert.Contains("last active administrator", result.Message);
    }

    public void Dispose()
    {
        scope.Dispose();
        factory.Dispose();
    }
}
