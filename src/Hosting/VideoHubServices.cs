using MudBlazor.Services;
using VideoHub.Features;
using VideoHub.Providers;

namespace VideoHub.Hosting;

public static class VideoHubServices
{
    /// <summary>Registers everything VideoHub needs. Each area keeps its own registrations in its own file.</summary>
    public static WebApplicationBuilder AddVideoHub(this WebApplicationBuilder builder)
    {
        // Serves package assets (MudBlazor) from the build output in every environment; a no-op once published.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.AddVideoHubDatabase();
        builder.AddVideoHubIdentity();
        builder.AddVideoHubProviders();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        builder.Services.AddVideoHubFeatures();
        builder.AddVideoHubScheduling();
        return builder;
    }
}
