namespace VideoHub.Features.Setup;

/// <summary>First run: the /setup page, the redirect to it, and the admin bootstrap from configuration.</summary>
public static class SetupFeature
{
    public static IServiceCollection AddSetupFeature(this IServiceCollection services)
    {
        services.AddSingleton<SetupState>();
        services.AddScoped<FirstAdminService>();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        // Registered after AddVideoHubDatabase's DatabaseMigrator, so the schema exists when this runs.
        services.AddHostedService<AdminBootstrapper>();
        return services;
    }

    /// <summary>The page is a routable component; nothing else to map.</summary>
    public static IEndpointRouteBuilder MapSetupFeature(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
