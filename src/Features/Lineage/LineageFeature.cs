using VideoHub.Features.Lineage.Stitching;


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
        return services;
    }

    public static IEndpointRouteBuilder MapLineageFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
