using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoHub.Data;
using VideoHub.Domain.Providers;

namespace VideoHub.Providers;

/// <summary>
/// At start, copies providers from appsettings.json that the database does not have yet (matched by id), with
/// their secrets encrypted. Runs after the database migrator (hosted services start in registration order).
/// Existing rows are never overwritten: admins' edits win over the file.
/// </summary>
public sealed class ProviderSeeder(IDbContextFactory<VideoHubDbContext> dbFactory, IOptions<ProvidersOptions> options,
    ProviderSecrets secrets, TimeProvider clock, ILogger<ProviderSeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Providers.Select(p => p.Id).ToListAsync(ct);
        var hasDefault = await db.Providers.AnyAsync(p => p.IsDefault, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, seed) in options.Value.Definitions)
        {
            var key = id.ToLowerInvariant();
            if (existing.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
            var provider = ToDefinition(key, seed, now);
            provider.IsDefault = !hasDefault && string.Equals(key, options.Value.Default, StringComparison.OrdinalIgnoreCase);
            hasDefault |= provider.IsDefault;
            db.Providers.Add(provider);
            log.LogInformation("Added provider {ProviderId} ({Kind}) with {Models} model(s) from configuration",
                key, provider.Kind, provider.Models.Count);
        }
        await db.SaveChangesAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private ProviderDefinition ToDefinition(string id, ProviderSeed seed, DateTime now) => new()
    {
        Id = id,
        Name = string.IsNullOrWhiteSpace(seed.Name) ? id : seed.Name,
        Kind = seed.Kind,
        BaseUrl = string.IsNullOrWhiteSpace(seed.BaseUrl) ? null : seed.BaseUrl,
        Enabled = seed.Enabled,
        ApiKeyProtected = secrets.Protect(seed.ApiKey),
        WebhookSecretProtected = secrets.Protect(seed.WebhookSecret),
        MaxConcurrentRenders = seed.MaxConcurrentRenders,
        RequestsPerMinute = seed.RequestsPerMinute,
        CreatedAt = now,
        UpdatedAt = now,
        Models = seed.Models.Select(m => new ProviderModelProfile
        {
            ProviderId = id,
            Model = m.Key,
            Operations = m.Value.Operations.Aggregate(ProviderOperations.None, (all, op) => all | op),
            Seconds = m.Value.Seconds.Count > 0 ? m.Value.Seconds : [4, 8, 12, 16, 20],
            MaxExtensions = m.Value.MaxExtensions,
            MaxChainSeconds = m.Value.MaxChainSeconds,
            MaxCharacters = m.Value.MaxCharacters,
            MaxPromptLength = m.Value.MaxPromptLength,
            Sizes = m.Value.Sizes.Select(s => new ProviderModelSize
            {
                Size = s.Key,
                PricePerSecond = s.Value.PricePerSecond,
                BatchPricePerSecond = s.Value.BatchPricePerSecond,
            }).ToList(),
        }).ToList(),
    };
}
