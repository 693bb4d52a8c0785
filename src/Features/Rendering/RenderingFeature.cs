using VideoHub.Features.Rendering.Jobs;
using VideoHub.Media;

namespace VideoHub.Features.Rendering;

public static class RenderingFeature
{
    public static IServiceCollection AddRenderingFeature(this IServiceCollection services)
    {
        services.AddOptions<RenderingOptions>().BindConfiguration(RenderingOptions.Section);
        services.AddSingleton<IRenderNotifier, RenderNotifier>();
        services.AddScoped<RenderRequestService>();

        services.AddSingleton<IMediaStorage, LocalMediaStorage>();
        services.AddSingleton<MediaProbe>();

        services.AddSingleton<IRenderProviders, RegistryRenderProviders>();
        services.AddSingleton<SweepSupport>();
        services.AddSingleton<SweepNudge>();
        services.AddSingleton<RenderSubmission>();
        services.AddSingleton<LaneTurn>();
        services.AddScoped<FairQueue>();
        services.AddScoped<RenderSubmitter>();
        services.AddScoped<RenderPoller>();
        services.AddScoped<RenderDownloader>();
        services.AddScoped<RenderHousekeeping>();
        return services;
    }

    public static IEndpointRouteBuilder MapRenderingFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapMediaEndpoints();
}
