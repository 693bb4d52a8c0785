using Quartz;
using VideoHub.Features.Rendering.Jobs;

namespace VideoHub.Features.Catalog.Registration;

/// <summary>The registration sweep; its trigger is in Hosting/Scheduling.cs.</summary>
[DisallowConcurrentExecution]
public sealed class CatalogRegistrationJob(IServiceScopeFactory scopes, ILogger<CatalogRegistrationJob> log) : SweepJob(scopes, log)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<CatalogRegistrar>().RunOnceAsync(ct);
}
