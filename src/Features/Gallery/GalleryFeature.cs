namespace VideoHub.Features.Gallery;

public static class GalleryFeature
{
    public static IServiceCollection AddGalleryFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapGalleryFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
