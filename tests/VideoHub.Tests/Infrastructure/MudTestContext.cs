using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using VideoHub.Account;
using VideoHub.Data;

namespace VideoHub.Tests.Infrastructure;

/// <summary>
/// The one bunit set-up for VideoHub's MudBlazor pages: MudBlazor services, loose JS interop, a signed-in user,
/// and every other service taken from the running app (real services over its real SQLite file).
/// </summary>
public sealed class MudTestContext : IAsyncDisposable
{
    private readonly AsyncServiceScope appScope;

    public BunitContext Bunit { get; } = new();

    public MudTestContext(VideoHubFactory app, string userId, string userName, params string[] roles)
    {
        appScope = app.Services.CreateAsyncScope();
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.Services.AddMudServices();
        // Services that read the signed-in user must see bunit's authentication state, not the app's.
        var database = appScope.ServiceProvider.GetRequiredService<IDbContextFactory<VideoHubDbContext>>();
        Bunit.Services.AddScoped(sp => new CurrentUser(sp.GetRequiredService<AuthenticationStateProvider>(), database));
        Bunit.Services.AddScoped(sp => new UserPreferences(sp.GetRequiredService<AuthenticationStateProvider>(), database));
        Bunit.Services.AddFallbackServiceProvider(appScope.ServiceProvider);
        Bunit.AddAuthorization().SetAuthorized(userName).SetRoles(roles)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await appScope.DisposeAsync();
    }
}
