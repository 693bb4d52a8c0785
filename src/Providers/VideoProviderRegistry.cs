using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Providers;
using VideoHub.Providers.Local;
using VideoHub.Providers.OpenAiCompatible;
using VideoHub.Providers.Settings;

namespace VideoHub.Providers;

/// <summary>
/// Turns a provider row into a working <see cref="IVideoProvider"/>. Every kind goes through the openai-compatible
/// client over HTTP; the built-in local provider only differs in where its URL and key come from (the app's own
/// address and the generated key), so the default install runs the production code path.
/// </summary>
public sealed class VideoProviderRegistry(IDbContextFactory<VideoHubDbContext> dbFactory, ProviderSecrets secrets,
    OpenAiCompatibleClientFactory clients, LocalProviderAddress localAddress, LocalProviderKey localKey)
{
    /// <summary>The enabled provider with this id, or null.</summary>
    public async Task<IVideoProvider?> GetAsync(string providerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId && p.Enabled, ct);
        return row is null ? null : Connect(row);
    }

    /// <summary>The default provider (or, if none is marked, the first enabled one), or null when there is none.</summary>
    public async Task<IVideoProvider?> GetDefaultAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Providers.AsNoTracking().Where(p => p.Enabled)
            .OrderByDescending(p => p.IsDefault).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);
        return row is null ? null : Connect(row);
    }

    /// <summary>The enabled providers and their enabled model profiles: what request forms and the pre-check read.</summary>
    public async Task<IReadOnlyList<ProviderSummary>> ListEnabledAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Providers.AsNoTracking().Include(p => p.Models).Where(p => p.Enabled).ToListAsync(ct);
        return rows.OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => ProviderSummary.From(p) with { Models = p.Models.Where(m => m.Enabled).OrderBy(m => m.Model, StringComparer.Ordinal).ToList() })
            .ToList();
    }

    public OpenAiCompatibleClient Connect(ProviderDefinition row) => clients.Create(EndpointOf(row));

    public OpenAiEndpoint EndpointOf(ProviderDefinition row)
    {
        var isLocal = row.Kind == ProviderKinds.Local;
        var baseUrl = !string.IsNullOrWhiteSpace(row.BaseUrl) ? new Uri(row.BaseUrl)
            : isLocal ? localAddress.TryGetBaseUrl() ?? throw new InvalidOperationException(
                "VideoHub does not know its own address yet (the server has not started); set LocalProvider:BaseUrl.")
            : throw new InvalidOperationException($"Provider '{row.Id}' has no base URL.");
        var apiKey = secrets.Unprotect(row.ApiKeyProtected) ?? (isLocal ? localKey.Value : null);
        return new OpenAiEndpoint(row.Id, baseUrl, apiKey);
    }

    /// <summary>The plain webhook signing secret of a provider, for the receiver only.</summary>
    public async Task<string?> GetWebhookSecretAsync(string providerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Providers.AsNoTracking().Where(p => p.Id == providerId && p.Enabled)
            .Select(p => p.WebhookSecretProtected).FirstOrDefaultAsync(ct);
        return secrets.Unprotect(stored);
    }
}
