namespace VideoHub.Features.Requests;

public static class RequestsFeature
{
    public static IServiceCollection AddRequestsFeature(this IServiceCollection services)
    {
        services.AddScoped<RequestFormService>();
        services.AddScoped<MyRequestsService>();
        return services;
    }
}
