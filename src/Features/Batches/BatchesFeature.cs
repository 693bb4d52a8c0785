namespace VideoHub.Features.Batches;

public static class BatchesFeature
{
    public static IServiceCollection AddBatchesFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapBatchesFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
