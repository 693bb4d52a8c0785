using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Users;
using VideoHub.Providers.Local;

namespace VideoHub.Providers.Settings;

/// <summary>
/// What the admin Providers page calls: list, add/edit, enable/disable, test connection. Admin-only, checked here;
/// for anyone else providers do not exist. Secrets go in encrypted and never come back out (except the local
/// provider's generated key, which an admin may reveal, audited).
/// </summary>
public sealed class ProviderSettingsService(IDbContextFactory<VideoHubDbContext> dbFactory, ProviderSecrets secrets,
    VideoProviderRegistry registry, LocalProviderKey localKey, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ProviderSummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Providers.AsNoTracking().Include(p => p.Models).ToListAsync(ct);
        return rows.OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(ProviderSummary.From).ToList();
    }

    public async Task<ProviderSummary?> GetAsync(Actor actor, string id, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Providers.AsNoTracking().Include(p => p.Models).FirstOrDefaultAsync(p => p.Id == id, ct);
        return row is null ? null : ProviderSummary.From(row);
    }

    /// <summary>Adds a provider (new id) or updates one; secrets left null keep their stored value.</summary>
    public async Task<ProviderSettingsResult> SaveAsync(Actor actor, ProviderEdit edit, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return ProviderSettingsResult.Fail("", "Only administrators can change providers.");
        edit.Id = edit.Id?.Trim() ?? "";
        edit.Name = edit.Name?.Trim() ?? "";
        var errors = ProviderEditValidator.Validate(edit);
        if (errors.Count > 0) return ProviderSettingsResult.Fail(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Providers.Include(p => p.Models).FirstOrDefaultAsync(p => p.Id == edit.Id, ct);
        var isNew = row is null;
        var now = clock.GetUtcNow().UtcDateTime;
        row ??= db.Providers.Add(new ProviderDefinition { Id = edit.Id, CreatedAt = now }).Entity;

        var changes = ProviderChanges.Describe(row, edit, isNew);
        row.Name = edit.Name;
        row.Kind = edit.Kind;
        row.BaseUrl = string.IsNullOrWhiteSpace(edit.BaseUrl) ? null : edit.BaseUrl.Trim();
        row.Enabled = edit.Enabled;
        row.MaxConcurrentRenders = edit.MaxConcurrentRenders;
        row.RequestsPerMinute = edit.RequestsPerMinute;
        row.UpdatedAt = now;
        if (edit.ClearApiKey) row.ApiKeyProtected = null;
        else if (!string.IsNullOrEmpty(edit.ApiKey)) row.ApiKeyProtected = secrets.Protect(edit.ApiKey.Trim());
        if (edit.ClearWebhookSecret) row.WebhookSecretProtected = null;
        else if (!string.IsNullOrEmpty(edit.WebhookSecret)) row.WebhookSecretProtected = secrets.Protect(edit.WebhookSecret.Trim());
        MergeModels(row, edit.Models);
        if (edit.IsDefault && !row.IsDefault)
            await db.Providers.Where(p => p.IsDefault && p.Id != row.Id).ForEachAsync(p => p.IsDefault = false, ct);
        row.IsDefault = edit.IsDefault || (row.IsDefault && edit.Enabled);

        audit.Add(db, actor, isNew ? AuditActions.ProviderCreated : AuditActions.ProviderUpdated, "Provider", row.Id,
            $"{(isNew ? "Added" : "Updated")} provider {row.Name}: {changes}");
        await db.SaveChangesAsync(ct);
        return ProviderSettingsResult.Ok;
    }

    public async Task<ProviderSettingsResult> SetEnabledAsync(Actor actor, string id, bool enabled, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return ProviderSettingsResult.Fail("", "Only administrators can change providers.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Providers.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null) return ProviderSettingsResult.Fail("", "This provider does not exist.");
        if (!enabled && row.IsDefault) return ProviderSettingsResult.Fail("Enabled", "Make another provider the default before disabling this one.");
        if (row.Enabled == enabled) return ProviderSettingsResult.Ok;
        row.Enabled = enabled;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(db, actor, enabled ? AuditActions.ProviderEnabled : AuditActions.ProviderDisabled, "Provider", id,
            $"{(enabled ? "Enabled" : "Disabled")} provider {row.Name}");
        await db.SaveChangesAsync(ct);
        return ProviderSettingsResult.Ok;
    }

    /// <summary>Lists one video at the provider: proves the URL, the key and the wire format in one call.</summary>
    public async Task<ProviderConnectionTest> TestConnectionAsync(Actor actor, string id, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return new(false, "This provider does not exist.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null) return new(false, "This provider does not exist.");
        IVideoProvider client;
        try { client = registry.Connect(row); }
        catch (InvalidOperationException ex) { return new(false, ex.Message); }
        var result = await client.ListVideosAsync(new VideoListQuery(Limit: 1), ct);
        return result.IsSuccess
            ? new(true, "Connected: the provider answered with its video list.")
            : new(false, $"The provider answered: {result.Error.Message} ({result.Error.Kind}).");
    }

    /// <summary>The built-in local provider's key, for an admin who needs it (e.g. to point an SDK at it). Audited.</summary>
    public async Task<string?> RevealLocalProviderKeyAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return null;
        await audit.RecordAsync(actor, AuditActions.ProviderKeyViewed, "Provider", ProviderKinds.Local,
            "Viewed the local provider's API key", ct: ct);
        return localKey.Value;
    }

    private static void MergeModels(ProviderDefinition row, List<ProviderModelProfile> models)
    {
        row.Models.RemoveAll(existing => models.All(m => m.Model != existing.Model));
        foreach (var m in models)
        {
            var target = row.Models.FirstOrDefault(x => x.Model == m.Model);
            if (target is null) row.Models.Add(target = new ProviderModelProfile { ProviderId = row.Id, Model = m.Model });
            target.Enabled = m.Enabled;
            target.Operations = m.Operations;
            target.Seconds = [.. m.Seconds.Distinct().Order()];
            target.MaxExtensions = m.MaxExtensions;
            target.MaxChainSeconds = m.MaxChainSeconds;
            target.MaxCharacters = m.MaxCharacters;
            target.MaxPromptLength = m.MaxPromptLength;
            target.Sizes = m.Sizes.Select(s => new ProviderModelSize
            {
                Size = s.Size.ToLowerInvariant(), PricePerSecond = s.PricePerSecond, BatchPricePerSecond = s.BatchPricePerSecond,
            }).ToList();
        }
    }
}
