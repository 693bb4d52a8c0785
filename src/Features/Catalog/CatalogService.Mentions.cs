using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Catalog;

public sealed partial class CatalogService
{
    public const int MaxSuggestions = 8;

    /// <summary>Items a render in this project may use now whose name contains <paramref name="text"/>: the @-mention list.</summary>
    public async Task<IReadOnlyList<CatalogSuggestion>> SuggestAsync(Actor actor, Guid projectId, string? text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanEdit) return [];
        var today = Now.Date;
        var items = db.CatalogItems.AsNoTracking().Where(i => !i.IsRetired && i.CurrentVersionId != null
            && (i.RightsExpireAt == null || i.RightsExpireAt >= today)
            && (i.AvailableToAllProjects || i.AllowedProjects.Any(p => p.ProjectId == projectId)));
        var needle = (text ?? "").Trim().ToUpperInvariant();
        if (needle.Length > 0) items = items.Where(i => i.NormalizedName.Contains(needle));
        var rows = await items.OrderBy(i => i.NormalizedName).Take(50)
            .Select(i => new { i.Id, i.Name, i.Kind, i.CurrentVersionId, i.RightsExpireAt, i.NormalizedName }).ToListAsync(ct);
        var now = Now;
        return rows.OrderBy(r => r.NormalizedName.StartsWith(needle, StringComparison.Ordinal) ? 0 : 1).ThenBy(r => r.NormalizedName)
            .Take(MaxSuggestions)
            .Select(r => new CatalogSuggestion(r.Id, r.Name, r.Kind, r.CurrentVersionId, CatalogRules.StatusAt(r.RightsExpireAt, now)))
            .ToList();
    }

    /// <summary>Names of the given items, in the given order (for chips on the form).</summary>
    public async Task<IReadOnlyList<CatalogSuggestion>> DescribeAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.CatalogItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Name, i.Kind, i.CurrentVersionId, i.RightsExpireAt }).ToListAsync(ct);
        var now = Now;
        return ids.Select(id => rows.FirstOrDefault(r => r.Id == id)).Where(r => r is not null)
            .Select(r => new CatalogSuggestion(r!.Id, r.Name, r.Kind, r.CurrentVersionId, CatalogRules.StatusAt(r.RightsExpireAt, now))).ToList();
    }
}

/// <summary>What a submitted request pins: each attached item's current version and its character id at the provider.</summary>
public static class CatalogPins
{
    public static async Task<IReadOnlyList<RenderRequestCatalogItem>> ResolveAsync(VideoHubDbContext db, IReadOnlyList<Guid> itemIds,
        string providerId, CancellationToken ct)
    {
        if (itemIds.Count == 0) return [];
        var ids = itemIds.Distinct().ToList();
        var items = await db.CatalogItems.AsNoTracking().Where(i => ids.Contains(i.Id) && i.CurrentVersionId != null)
            .Select(i => new { i.Id, i.Name, VersionId = i.CurrentVersionId!.Value }).ToListAsync(ct);
        var versions = items.Select(i => i.VersionId).ToList();
        var characters = await db.CatalogRegistrations.AsNoTracking()
            .Where(r => versions.Contains(r.CatalogItemVersionId) && r.ProviderId == providerId && r.Status == CatalogRegistrationStatus.Registered)
            .ToDictionaryAsync(r => r.CatalogItemVersionId, r => r.ProviderCharacterId, ct);
        return items.Select(i => new RenderRequestCatalogItem
        {
            CatalogItemId = i.Id, CatalogItemVersionId = i.VersionId, Name = i.Name,
            ProviderCharacterId = characters.GetValueOrDefault(i.VersionId),
        }).ToList();
    }
}
