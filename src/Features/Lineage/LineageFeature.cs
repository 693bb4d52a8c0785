namespace VideoHub.Features.Lineage;

public static class LineageFeature
{
    public static IServiceCollection AddLineageFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapLineageFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
