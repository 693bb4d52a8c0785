using VideoHub.Features.Policy.Admin;
using VideoHub.Features.Policy.Seed;

namespace VideoHub.Features.Policy;

public static class PolicyFeature
{
    public static IServiceCollection AddPolicyFeature(this IServiceCollection services)
    {
        services.AddSingleton<PolicyRuleCache>();
        services.AddSingleton<PolicyCheck>();
        services.AddScoped<PolicyAdministration>();
        // Registered after AddVideoHubDatabase's DatabaseMigrator, so the table exists when this runs.
        services.AddHostedService<PolicyRuleSeeder>();
        return services;
    }
}
