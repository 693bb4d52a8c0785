using VideoHub.Features.Gallery.Collections;
using VideoHub.Features.Gallery.Export;
using VideoHub.Features.Gallery.Search;
using VideoHub.Features.Gallery.Sharing;
using VideoHub.Media;

namespace VideoHub.Features.Gallery;

public static class GalleryFeature
{
    public static IServiceCollection AddGalleryFeature(this IServiceCollection services)
    {
        services.AddSingleton<IPromptSearch, SqlitePromptSearch>();
        services.AddSingleton<PosterMaker>();
        services.AddSingleton<MediaDelivery>();
        services.AddSingleton<SharePasswordLimiter>();
        services.AddSingleton<GalleryChoicesCache>();
        services.AddScoped<GalleryService>();
        services.AddScoped<TakeDetailsService>();
        services.AddScoped<CollectionService>();
        services.AddScoped<ShareLinkService>();
        services.AddScoped<ShareAccess>();
        services.AddScoped<TakeZipExport>();
        return services;
    }

    public static IEndpointRouteBuilder MapGalleryFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapShareEndpoints();
        endpoints.MapGet("/gallery/download", GalleryDownload.ServeAsync).RequireAuthorization().ExcludeFromDescription();
        return endpoints;
    }
}
