namespace VideoHub.Features.Admin;

public static class AdminFeature
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapAdminFeature(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
