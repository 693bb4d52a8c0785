using VideoHub.Features.Catalog.Clips;
using VideoHub.Features.Catalog.Registration;

namespace VideoHub.Features.Catalog;

public static class CatalogFeature
{
    public static IServiceCollection AddCatalogFeature(this IServiceCollection services)
    {
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section);
        services.AddSingleton<ClipTools>();
        services.AddSingleton<ClipStaging>();
        services.AddScoped<CatalogService>();
        services.AddScoped<CatalogRegistrar>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapCatalogMedia();
}
