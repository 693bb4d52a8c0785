using VideoHub.Features.Rendering;
using VideoHub.Features.Review.Notifications;
using VideoHub.Features.Review.Report;

namespace VideoHub.Features.Review;

public static class ReviewFeature
{
    public static IServiceCollection AddReviewFeature(this IServiceCollection services)
    {
        services.AddSingleton<LiveHub<Guid, ReviewChange>>();
        services.AddSingleton<LiveHub<string, NotificationChange>>();
        services.AddScoped<NotificationService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ReviewQueueService>();
        services.AddScoped<ReviewReportService>();
        services.AddScoped<ITakeListener, TakeReadyAnnouncer>();
        return services;
    }

    public static IEndpointRouteBuilder MapReviewFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapReviewReport();
}
