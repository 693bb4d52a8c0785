using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Providers;
using VideoHub.Features.Policy;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Policy;

/// <summary>The real app with a test provider whose models have small, telling limits.</summary>
public sealed class PolicyCheckFixture : VideoHubFactory, IAsyncLifetime
{
    public const string ProviderId = "policy-test";

    public PolicyCheck Check => Services.GetRequiredService<PolicyCheck>();

    public async Task InitializeAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        if (await db.Providers.AnyAsync(p => p.Id == ProviderId)) return;
        var now = DateTime.UtcNow;
        db.Providers.Add(new ProviderDefinition
        {
            Id = ProviderId, Name = "Policy Test", Kind = ProviderKinds.OpenAiCompatible, BaseUrl = "http://127.0.0.1:9/v1",
            CreatedAt = now, UpdatedAt = now,
            Models =
            [
                new() { ProviderId = ProviderId, Model = "basic", Operations = ProviderOperations.Create | ProviderOperations.Extend | ProviderOperations.Characters,
                    Seconds = [4, 8], MaxExtensions = 2, MaxChainSeconds = 20, MaxCharacters = 1, MaxPromptLength = 60,
                    Sizes = [new() { Size = "1280x720", PricePerSecond = 0.10m }] },
                new() { ProviderId = ProviderId, Model = "retired", Enabled = false,
                    Sizes = [new() { Size = "1280x720", PricePerSecond = 0.10m }] },
            ],
        });
        db.Providers.Add(new ProviderDefinition
        {
            Id = "policy-off", Name = "Switched Off", Kind = ProviderKinds.OpenAiCompatible, BaseUrl = "http://127.0.0.1:9/v1",
            Enabled = false, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
