using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VideoHub.Features.Admin.Users;
using VideoHub.Hosting;
using VideoHub.Tests.Infrastructure;
using static VideoHub.Tests.Features.Admin.AdminTestExtensions;

namespace VideoHub.Tests.Features.Admin;

/// <summary>
/// A session that is already open ends once its cookie is next validated. The validator's clock is a fake one, so
/// the test moves it past <see cref="IdentitySetup.RevalidationInterval"/> instead of waiting a minute.
/// </summary>
public sealed class DisableEndsSessionsTests : IDisposable
{
    private readonly ClockedFactory factory = new();

    [Fact]
    public async Task Disable_RefusesTheUsersOpenSession_AtItsNextValidation()
    {
        var admin = await factory.ActorForAsync(await factory.CreateUserAsync(UniqueEmail("admin"), admin: true));
        var target = await factory.CreateUserAsync(UniqueEmail("leaver"));
        var session = await factory.SignedInClientAsync(target.Email!);
        var bystander = await factory.CreateUserAsync(UniqueEmail("bystander"));
        var otherSession = await factory.SignedInClientAsync(bystander.Email!);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Account/Manage")).StatusCode);

        using (var scope = factory.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdministration>().DisableAsync(admin, target.Id)).Succeeded);
        factory.ValidatorClock.SetUtcNow(DateTimeOffset.UtcNow + IdentitySetup.RevalidationInterval + TimeSpan.FromSeconds(1));

        var refused = await session.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/Login", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await otherSession.GetAsync("/Account/Manage")).StatusCode);
    }

    public void Dispose() => factory.Dispose();

    private sealed class ClockedFactory : VideoHubFactory
    {
        public FakeTimeProvider ValidatorClock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = ValidatorClock));
        }
    }
}
