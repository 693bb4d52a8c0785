namespace VideoHub.Features.Requests;

public static class RequestsFeature
{
    public static IServiceCollection AddRequestsFeature(this IServiceCollection services)
    {
        services.AddScoped<RequestFormService>();
        services.AddScoped<MyRequestsService>();
        services.AddScoped<RequestPrefillService>();
        services.AddSingleton<Images.ImageFitter>();
        return services;
    }
}
