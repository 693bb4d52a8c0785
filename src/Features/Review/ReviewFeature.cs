namespace VideoHub.Features.Review;

public static class ReviewFeature
{
    public static IServiceCollection AddReviewFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapReviewFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
