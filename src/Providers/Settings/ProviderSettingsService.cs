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
public sealed partial class ProviderSettingsService(IDbContextFactory<VideoHubDbContext> dbFactory, ProviderSecrets secrets,
    VideoProviderRegistry registry, LocalProviderKey localKey, AuditLog audit, TimeProvider clock, ILogger<ProviderSettingsService> log)
{
    public async Task<IReadOnlyList<ProviderSummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Providers.AsNoTracking().Include(p => p.Models).ToListAsync(ct);
        var lastTests = await LastTestsAsync(db, ct);
        return rows.OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => ProviderSummary.From(p) with { LastTest = lastTests.GetValueOrDefault(p.Id) }).ToList();
    }

    public async Task<ProviderSummary?> GetAsync(Actor actor, string id, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Providers.AsNoTracking().Include(p => p.Models).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null) return null;
        return ProviderSummary.From(row) with { LastTest = (await LastTestsAsync(db, ct, id)).GetValueOrDefault(id) };
    }

    /// <summary>Adds a provider (new id) or updates one; secrets left null keep their stored value.</summary>
    public Task<ProviderSettingsResult> SaveAsync(Actor actor, ProviderEdit edit, CancellationToken ct = default) =>
        SaveAsync(actor, edit, mustBeNew: false, ct);

    /// <summary>Adds a provider; an id already in use is a field error, so an "add" never overwrites a provider.</summary>
    public Task<ProviderSettingsResult> AddAsync(Actor actor, ProviderEdit edit, CancellationToken ct = default) =>
        SaveAsync(actor, edit, mustBeNew: true, ct);

    private async Task<ProviderSettingsResult> SaveAsync(Actor actor, ProviderEdit edit, bool mustBeNew, CancellationToken ct)
    {
        if (!actor.IsAdmin) return ProviderSettingsResult.Fail("", "Only administrators can change providers.");
        edit.Id = edit.Id?.Trim() ?? "";
        edit.Name = edit.Name?.Trim() ?? "";
        var errors = ProviderEditValidator.Validate(edit);
        if (errors.Count > 0) return ProviderSettingsResult.Fail(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Providers.Include(p => p.Models).FirstOrDefaultAsync(p => p.Id == edit.Id, ct);
        var isNew = row is null;
        if (mustBeNew && !isNew) return ProviderSettingsResult.Fail(nameof(ProviderEdit.Id), $"A provider with the id \"{edit.Id}\" already exists; choose another.");
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // E.g. another admin added the same id a moment ago. Nothing was written.
            log.LogWarning(ex, "Saving provider {ProviderId} failed", edit.Id);
            return ProviderSettingsResult.Fail("", "The provider could not be saved, so nothing was changed. Reload the page and try again.");
        }
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
