using VideoHub.Features.Admin.Audit;
using VideoHub.Features.Admin.Health;
using VideoHub.Features.Admin.Users;

namespace VideoHub.Features.Admin;

public static class AdminFeature
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<AuditQuery>();
        services.AddScoped<SystemStatus>();
        services.AddSingleton<MediaToolProbe>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", timeout: TimeSpan.FromSeconds(15))
            .AddCheck<StorageHealthCheck>("storage", timeout: TimeSpan.FromSeconds(15))
            .AddCheck<MediaToolsHealthCheck>("ffmpeg", timeout: TimeSpan.FromSeconds(15));
        return services;
    }

    public static IEndpointRouteBuilder MapAdminFeature(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous so that load balancers and monitors can poll it; it says nothing secret.
        endpoints.MapHealthChecks(HealthResponse.Path, HealthResponse.Options).AllowAnonymous();
        return endpoints;
    }
}
