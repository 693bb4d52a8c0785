using VideoHub.Features.Admin;
using VideoHub.Features.Api;
using VideoHub.Features.Batches;
using VideoHub.Features.Catalog;
using VideoHub.Features.Gallery;
using VideoHub.Features.Lineage;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;
using VideoHub.Features.Requests;
using VideoHub.Features.Review;
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
        services.AddCatalogFeature();
        services.AddReviewFeature();
        services.AddGalleryFeature();
        services.AddBatchesFeature();
        services.AddLineageFeature();
        services.AddApiFeature();
        return services;
    }

    public static IEndpointRouteBuilder MapVideoHubFeatures(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSetupFeature();
        endpoints.MapAdminFeature();
        endpoints.MapRenderingFeature();
        endpoints.MapCatalogFeature();
        endpoints.MapReviewFeature();
        endpoints.MapGalleryFeature();
        endpoints.MapBatchesFeature();
        endpoints.MapLineageFeature();
        endpoints.MapApiFeature();
        return endpoints;
    }
}
