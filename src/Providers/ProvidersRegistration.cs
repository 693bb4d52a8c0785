using Microsoft.Extensions.Options;
using VideoHub.Hosting;
using VideoHub.Providers.Local;
using VideoHub.Providers.OpenAiCompatible;
using VideoHub.Providers.Settings;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Providers;

/// <summary>Everything of the provider layer, registered and mapped from one place.</summary>
public static class ProvidersRegistration
{
    public static WebApplicationBuilder AddVideoHubProviders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProvidersOptions>().BindConfiguration(ProvidersOptions.Section);
        services.AddSingleton<ProviderSecrets>();
        services.AddHostedService<ProviderSeeder>();
        services.AddSingleton<VideoProviderRegistry>();
        services.AddSingleton<ProviderWebhookInbox>();
        services.AddScoped<ProviderSettingsService>();
        services.AddOpenAiCompatibleClient();

        // The built-in local provider keeps its own folder under the data folder.
        var serveLocal = builder.Configuration.GetValue($"{LocalProviderOptions.Section}:{nameof(LocalProviderOptions.Enabled)}", true);
        services.AddLocalProvider(sp => Path.Combine(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullPath, "local-provider"), serveLocal);
        services.AddSingleton<LocalProviderAddress>();
        return builder;
    }

    public static WebApplication MapVideoHubProviders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<LocalProviderOptions>>().Value.Enabled)
            app.MapLocalProvider(LocalProviderAddress.MountPath);
        app.MapProviderWebhooks();
        return app;
    }
}
