using VideoHub.Features.Admin;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;
using VideoHub.Features.Requests;
using VideoHub.Features.Setup;

namespace VideoHub.Features;

/// <summary>Each feature registers its own services and endpoints; this lists the features.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddVideoHubFeatures(this IServiceCollection services)
    {
        services.AddSetupFeature();
        services.AddProjectsFeature();
        services.AddAdminFeature();
        services.AddPolicyFeature();
        services.AddRenderingFeature();
        services.AddRequestsFeature();
        return services;
    }

    public static IEndpointRouteBuilder MapVideoHubFeatures(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSetupFeature();
        endpoints.MapAdminFeature();
        endpoints.MapRenderingFeature();
        return endpoints;
    }
}
