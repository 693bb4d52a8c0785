namespace VideoHub.Features.Setup;

public static class SetupFeature
{
    public static IServiceCollection AddSetupFeature(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapSetupFeature(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
