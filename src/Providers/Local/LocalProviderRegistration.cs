using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VideoHub.Providers.Local;

/// <summary>Registers and maps the local provider, in the app (/local-provider/v1) or in its own host (/v1).</summary>
public static class LocalProviderRegistration
{
    /// <summary>
    /// The services of the local provider. <paramref name="defaultDataPath"/> gives its folder when
    /// LocalProvider:DataPath is not set; it is resolved lazily so the app's data folder option can supply it.
    /// </summary>
    /// <param name="serve">False when this process only talks to a local provider (LocalProvider:Enabled=false): no workers run.</param>
    public static IServiceCollection AddLocalProvider(this IServiceCollection services, Func<IServiceProvider, string> defaultDataPath,
        bool serve = true)
    {
        services.AddOptions<LocalProviderOptions>().BindConfiguration(LocalProviderOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new LocalProviderPaths(
            sp.GetRequiredService<IOptions<LocalProviderOptions>>().Value.DataPath is { Length: > 0 } configured
                ? configured : defaultDataPath(sp)));
        services.TryAddSingleton<LocalProviderKey>();
        services.TryAddSingleton<LocalProviderStore>();
        services.TryAddSingleton<LocalWorkSignal>();
        services.TryAddSingleton<FaultCounters>();
        services.TryAddSingleton<IdempotencyGuard>();
        services.TryAddSingleton<LocalModeration>();
        services.TryAddSingleton<LocalInputs>();
        services.TryAddSingleton<LocalVideoService>();
        services.TryAddSingleton<LocalCharacterService>();
        services.TryAddSingleton<LocalFileService>();
        services.TryAddSingleton<LocalBatchService>();
        services.TryAddSingleton<LocalRenderer>();
        services.TryAddSingleton<LocalWebhookSender>();
        if (!serve) return services;
        services.AddHostedService(sp => sp.GetRequiredService<LocalWebhookSender>());
        services.AddHostedService<LocalRenderWorker>();
        services.AddHostedService<LocalBatchWorker>();
        services.AddHttpClient(LocalWebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }); // 3xx is a failure
        return services;
    }

    /// <summary>Maps every endpoint of the wire format under <paramref name="prefix"/> (e.g. "/v1").</summary>
    public static RouteGroupBuilder MapLocalProvider(this IEndpointRouteBuilder endpoints, string prefix)
    {
        var v1 = endpoints.MapGroup(prefix)
            .AllowAnonymous() // the Bearer key is the authentication, checked by the filter
            .DisableAntiforgery()
            .AddEndpointFilter<LocalProviderFilter>();
        LocalVideoEndpoints.Map(v1);
        LocalContentEndpoints.Map(v1);
        LocalOtherEndpoints.Map(v1);
        v1.MapMethods("/{**path}", ["GET", "POST", "DELETE", "PUT", "PATCH"], (string? path) =>
            Task.FromException<IResult>(WireError.NotFound($"Unknown endpoint: /{path}.")));
        return v1;
    }
}
