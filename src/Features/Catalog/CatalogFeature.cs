namespace VideoHub.Features.Catalog;

public static class CatalogFeature
{
    public static IServiceCollection AddCatalogFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapCatalogFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
