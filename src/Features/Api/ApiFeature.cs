namespace VideoHub.Features.Api;

public static class ApiFeature
{
    public static IServiceCollection AddApiFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapApiFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
