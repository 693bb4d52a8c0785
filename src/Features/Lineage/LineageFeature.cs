using VideoHub.Features.Lineage.Stitching;
using VideoHub.Features.Lineage.Storyboards;

namespace VideoHub.Features.Lineage;

public static class LineageFeature
{
    public static IServiceCollection AddLineageFeature(this IServiceCollection services)
    {
        services.AddSingleton<LineageService>();
        services.AddSingleton<DerivedRequests>();
        services.AddScoped<DeriveFormService>();
        services.AddSingleton<VideoStitcher>();
        services.AddSingleton<StitchedExtension>();
        services.AddScoped<StoryboardService>();
        services.AddScoped<StoryboardRenderer>();
        services.AddScoped<StoryboardSweep>();
        services.AddScoped<SequenceJoiner>();
        return services;
    }

    public static IEndpointRouteBuilder MapLineageFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
