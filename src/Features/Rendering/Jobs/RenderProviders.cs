using VideoHub.Providers;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>Which adapter the sweeps talk to for a provider id. Tests replace it to put faults between the two.</summary>
public interface IRenderProviders
{
    Task<IVideoProvider?> GetAsync(string providerId, CancellationToken ct);
}

public sealed class RegistryRenderProviders(VideoProviderRegistry registry) : IRenderProviders
{
    public Task<IVideoProvider?> GetAsync(string providerId, CancellationToken ct) => registry.GetAsync(providerId, ct);
}
