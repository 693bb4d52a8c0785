using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoHub.Features.Rendering;

namespace VideoHub.Features.Api.Webhooks;

public static class WebhooksRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton<WebhookAddressGuard>();
        services.AddSingleton<WebhookEvents>();
        services.AddScoped<WebhookService>();
        services.AddScoped<WebhookSender>();
        services.AddScoped<WebhookDispatcher>();
        WebhookSender.AddWebhookHttpClient(services);
        // The notifier pages listen to, with the webhook outbox in front of it.
        services.AddSingleton<RenderNotifier>();
        services.Replace(ServiceDescriptor.Singleton<IRenderNotifier>(sp => ActivatorUtilities.CreateInstance<WebhookRenderNotifier>(sp)));
        return services;
    }
}
