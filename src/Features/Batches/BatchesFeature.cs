using VideoHub.Features.Batches.Export;
using VideoHub.Features.Batches.Jobs;

namespace VideoHub.Features.Batches;

public static class BatchesFeature
{
    public static IServiceCollection AddBatchesFeature(this IServiceCollection services)
    {
        services.AddSingleton<IBatchNotifier, BatchNotifier>();
        services.AddScoped<BatchPreviewer>();
        services.AddScoped<BatchService>();
        services.AddScoped<BatchSweeper>();
        return services;
    }

    public static IEndpointRouteBuilder MapBatchesFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapBatchDownloads();
}
