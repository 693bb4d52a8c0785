using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoHub.Data;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Providers;
using VideoHub.Features.Catalog.Clips;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Media;
using VideoHub.Providers;

namespace VideoHub.Features.Catalog.Registration;

/// <summary>
/// Registers each item's current version with every enabled provider whose models take characters
/// (<c>POST /videos/characters</c>) and keeps the provider's character id per version. Transient failures (429, 5xx,
/// timeouts, unreachable) are retried with backoff; anything the provider refuses fails with its reason.
/// </summary>
public sealed class CatalogRegistrar(IDbContextFactory<VideoHubDbContext> dbFactory, IRenderProviders providers, IMediaStorage storage,
    TimeProvider clock, IOptionsMonitor<CatalogOptions> options, ILogger<CatalogRegistrar> log)
{
    private const int BatchSize = 10;

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await EnsureRowsAsync(db, now, ct);
            await db.SaveChangesAsync(ct);
        }
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var due = await read.CatalogRegistrations.AsNoTracking()
            .Where(r => r.Status == CatalogRegistrationStatus.Pending && (r.NextAttemptAt == null || r.NextAttemptAt <= now))
            .OrderBy(r => r.NextAttemptAt).Take(BatchSize).Select(r => r.Id).ToListAsync(ct);
        var acted = 0;
        foreach (var id in due)
            if (await RegisterAsync(id, ct)) acted++;
        return acted;
    }

    /// <summary>Pending rows for a new version, one per provider that takes characters.</summary>
    public static async Task AddPendingAsync(VideoHubDbContext db, Guid versionId, DateTime now, CancellationToken ct)
    {
        foreach (var providerId in await EligibleProvidersAsync(db, ct))
            db.CatalogRegistrations.Add(Pending(versionId, providerId, now));
    }

    /// <summary>Registers a version again (e.g. after a rename): old rows go, new pending ones come.</summary>
    public static async Task ResetAsync(VideoHubDbContext db, Guid versionId, DateTime now, CancellationToken ct)
    {
        db.CatalogRegistrations.RemoveRange(await db.CatalogRegistrations.Where(r => r.CatalogItemVersionId == versionId).ToListAsync(ct));
        await AddPendingAsync(db, versionId, now, ct);
    }

    private static async Task EnsureRowsAsync(VideoHubDbContext db, DateTime now, CancellationToken ct)
    {
        var eligible = await EligibleProvidersAsync(db, ct);
        if (eligible.Count == 0) return;
        var versions = await db.CatalogItems.AsNoTracking().Where(i => !i.IsRetired && i.CurrentVersionId != null)
            .Select(i => i.CurrentVersionId!.Value).ToListAsync(ct);
        var existing = (await db.CatalogRegistrations.AsNoTracking().Where(r => versions.Contains(r.CatalogItemVersionId))
            .Select(r => new { r.CatalogItemVersionId, r.ProviderId }).ToListAsync(ct))
            .Select(r => (r.CatalogItemVersionId, r.ProviderId)).ToHashSet();
        foreach (var version in versions)
        foreach (var provider in eligible.Where(p => !existing.Contains((version, p))))
            db.CatalogRegistrations.Add(Pending(version, provider, now));
    }

    private static async Task<List<string>> EligibleProvidersAsync(VideoHubDbContext db, CancellationToken ct)
    {
        var rows = await db.Providers.AsNoTracking().Include(p => p.Models).Where(p => p.Enabled).ToListAsync(ct);
        return rows.Where(p => p.Models.Any(m => m.Enabled && m.Supports(ProviderOperations.Characters))).Select(p => p.Id).ToList();
    }

    private static CatalogRegistration Pending(Guid versionId, string providerId, DateTime now) => new()
    {
        CatalogItemVersionId = versionId, ProviderId = providerId, Status = CatalogRegistrationStatus.Pending,
        NextAttemptAt = now, UpdatedAt = now,
    };

    private async Task<bool> RegisterAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.CatalogRegistrations.FirstOrDefaultAsync(r => r.Id == id && r.Status == CatalogRegistrationStatus.Pending, ct);
        if (row is null) return false;
        var target = await (from v in db.CatalogItemVersions
                            join i in db.CatalogItems on v.CatalogItemId equals i.Id
                            where v.Id == row.CatalogItemVersionId
                            select new { i.Name, v.ClipKey }).FirstOrDefaultAsync(ct);
        var file = target is null ? null : storage.GetFile(target.ClipKey);
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        row.UpdatedAt = now;
        if (target is null || file is null)
        {
            Fail(row, "The item's source clip is missing from storage; upload a new version.");
            await db.SaveChangesAsync(ct);
            return true;
        }
        var provider = await providers.GetAsync(row.ProviderId, ct);
        if (provider is null)
        {
            row.NextAttemptAt = now + settings.RegistrationRetryDelay;
            row.Error = "The provider is not enabled; registration waits until it is.";
            await db.SaveChangesAsync(ct);
            return false;
        }

        ProviderResult<ProviderCharacter> result;
        await using (var clip = file.OpenRead())
        {
            var extension = Path.GetExtension(file.Name);
            result = await provider.CreateCharacterAsync(new CharacterCreateRequest(target.Name,
                new UploadFile(clip, "clip" + extension, ClipFormat.ContentType(extension))) { IdempotencyKey = $"vhc_{row.Id:N}" }, ct);
        }
        row.Attempts++;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (result.IsSuccess)
        {
            row.Status = CatalogRegistrationStatus.Registered;
            row.ProviderCharacterId = result.Value.Id;
            row.Error = null;
            row.NextAttemptAt = null;
        }
        else if (IsTransient(result.Error.Kind) && row.Attempts < settings.MaxRegistrationAttempts)
        {
            row.Error = Truncate($"Attempt {row.Attempts} failed ({result.Error.Kind}): {result.Error.Message} Retrying.");
            row.NextAttemptAt = row.UpdatedAt + SweepSupport.Backoff(settings.RegistrationRetryDelay, row.Attempts - 1,
                TimeSpan.FromMinutes(30), result.Error.RetryAfter);
            log.LogInformation("Registering catalog version {Version} with {Provider} failed ({Error}); retrying at {At:O}.",
                row.CatalogItemVersionId, row.ProviderId, result.Error.Kind, row.NextAttemptAt);
        }
        else
        {
            Fail(row, IsTransient(result.Error.Kind)
                ? $"The provider did not accept the character after {row.Attempts} attempts: {result.Error.Message}"
                : $"The provider refused the character: {result.Error.Message}");
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Fail(CatalogRegistration row, string reason)
    {
        row.Status = CatalogRegistrationStatus.Failed;
        row.Error = Truncate(reason);
        row.NextAttemptAt = null;
    }

    private static bool IsTransient(ProviderErrorKind kind) => kind is ProviderErrorKind.RateLimited or ProviderErrorKind.ServerError
        or ProviderErrorKind.Timeout or ProviderErrorKind.Interrupted or ProviderErrorKind.Unreachable;

    private static string Truncate(string text) => text.Length > CatalogRegistration.ErrorMaxLength ? text[..CatalogRegistration.ErrorMaxLength] : text;
}
