using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Catalog.Clips;
using VideoHub.Features.Projects;
using VideoHub.Media;

namespace VideoHub.Features.Catalog;

/// <summary>
/// The shared catalog of characters and objects: browse and read (any signed-in user), create and edit (Editors and
/// Owners of any project, and Admins), rights and availability (the item's owner or an Admin). Every change is audited.
/// </summary>
public sealed partial class CatalogService(IDbContextFactory<VideoHubDbContext> dbFactory, AuditLog audit, ClipStaging staging,
    ClipTools tools, IMediaStorage storage, TimeProvider clock, ILogger<CatalogService> log)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CatalogListPage> ListAsync(Actor actor, CatalogQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = db.CatalogItems.AsNoTracking();
        if (!query.IncludeRetired) items = items.Where(i => !i.IsRetired);
        if (query.Kind is { } kind) items = items.Where(i => i.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = "|" + query.Tag.Trim().ToLowerInvariant() + "|";
            items = items.Where(i => i.Tags.Contains(tag));
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToUpperInvariant();
            items = items.Where(i => i.NormalizedName.Contains(text) || i.Description.ToUpper().Contains(text) || i.Tags.ToUpper().Contains(text));
        }
        var today = Now.Date;
        var soon = today + CatalogRules.ExpiringWindow;
        items = query.Rights switch
        {
            RightsStatus.Expired => items.Where(i => i.RightsExpireAt != null && i.RightsExpireAt < today),
            RightsStatus.Expiring => items.Where(i => i.RightsExpireAt != null && i.RightsExpireAt >= today && i.RightsExpireAt < soon),
            RightsStatus.Valid => items.Where(i => i.RightsExpireAt == null || i.RightsExpireAt >= soon),
            _ => items,
        };
        if (query.AvailableTo is { } projectId)
            items = items.Where(i => !i.IsRetired && (i.RightsExpireAt == null || i.RightsExpireAt >= today)
                && (i.AvailableToAllProjects || i.AllowedProjects.Any(p => p.ProjectId == projectId)));

        var size = Math.Clamp(query.PageSize, 1, 100);
        var total = await items.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + size - 1) / size));
        var rows = await items.OrderBy(i => i.NormalizedName).Skip((page - 1) * size).Take(size)
            .Select(i => new { i.Id, i.Name, i.Kind, i.Tags, i.RightsExpireAt, i.IsRetired, i.CurrentVersionId, i.CurrentVersionNumber,
                UsageCount = db.RenderRequestCatalogItems.Count(u => u.CatalogItemId == i.Id) })
            .ToListAsync(ct);
        var now = Now;
        return new CatalogListPage(rows.Select(i => new CatalogCard(i.Id, i.Name, i.Kind, CatalogTags.Split(i.Tags),
            CatalogRules.StatusAt(i.RightsExpireAt, now), i.RightsExpireAt, i.IsRetired, i.CurrentVersionId, i.CurrentVersionNumber,
            i.UsageCount)).ToList(), total, page, size);
    }

    /// <summary>Every tag in use, for the filter.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.CatalogItems.AsNoTracking().Where(i => i.Tags != "").Select(i => i.Tags).ToListAsync(ct);
        return stored.SelectMany(CatalogTags.Split).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The projects the actor can see, for the availability filter and the rights form.</summary>
    public async Task<IReadOnlyList<ProjectOption>> ProjectsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ProjectAccess.Visible(db, actor).Where(p => p.ArchivedAt == null).OrderBy(p => p.Name)
            .Select(p => new ProjectOption(p.Id, p.Name)).ToListAsync(ct);
    }

    /// <summary>Whether the actor may create and edit items: an Editor or Owner of any project, or an Admin.</summary>
    public async Task<bool> CanEditAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CanEditAsync(db, actor, ct);
    }

    private static async Task<bool> CanEditAsync(VideoHubDbContext db, Actor actor, CancellationToken ct) =>
        actor.IsAdmin || await db.ProjectMembers.AnyAsync(m => m.UserId == actor.UserId
            && (m.Role == ProjectRole.Editor || m.Role == ProjectRole.Owner), ct);

    private static bool CanChangeRights(CatalogItem item, Actor actor) => actor.IsAdmin || item.OwnerId == actor.UserId;

    public async Task<CatalogItemDetails?> GetAsync(Actor actor, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.CatalogItems.AsNoTracking().AsSplitQuery()
            .Include(i => i.Versions).ThenInclude(v => v.Registrations).Include(i => i.AllowedProjects)
            .FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return null;

        var providerNames = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var allowedIds = item.AllowedProjects.Select(p => p.ProjectId).ToList();
        var allowed = await db.Projects.AsNoTracking().Where(p => allowedIds.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new ProjectOption(p.Id, p.Name)).ToListAsync(ct);

        var visible = ProjectAccess.Visible(db, actor).Select(p => p.Id);
        var usage = await (from u in db.RenderRequestCatalogItems.AsNoTracking()
                           join r in db.RenderRequests on u.RenderRequestId equals r.Id
                           join p in db.Projects on r.ProjectId equals p.Id
                           join v in db.CatalogItemVersions on u.CatalogItemVersionId equals v.Id
                           where u.CatalogItemId == itemId && visible.Contains(r.ProjectId)
                           orderby r.CreatedAt descending
                           select new CatalogUsageView(r.Id, p.Id, p.Name, r.Prompt, v.Number, r.State.ToString(), r.VideoId, r.CreatedAt))
            .Take(100).ToListAsync(ct);
        var allUsage = await db.RenderRequestCatalogItems.CountAsync(u => u.CatalogItemId == itemId, ct);
        var history = await db.CatalogRightsChanges.AsNoTracking().Where(c => c.CatalogItemId == itemId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new CatalogRightsChangeView(c.At, c.ByName, c.Summary, c.Before, c.After)).ToListAsync(ct);

        var versions = item.Versions.OrderByDescending(v => v.Number).Select(v => new CatalogVersionView(v.Id, v.Number, v.DurationSeconds,
            v.Width, v.Height, v.Bytes, v.CreatedBy, v.CreatedAt, v.Id == item.CurrentVersionId,
            v.Registrations.OrderBy(r => r.ProviderId).Select(r => new CatalogRegistrationView(r.Id, r.ProviderId,
                providerNames.GetValueOrDefault(r.ProviderId, r.ProviderId), r.Status, r.ProviderCharacterId, r.Error, r.Attempts,
                r.NextAttemptAt, r.UpdatedAt)).ToList())).ToList();
        var canEdit = await CanEditAsync(db, actor, ct);
        return new CatalogItemDetails(item.Id, item.Name, item.Kind, item.Description, CatalogTags.Split(item.Tags),
            item.OwnerId, item.OwnerName, item.RightsHolder, item.LicenceNote, item.RightsExpireAt, CatalogRules.StatusAt(item.RightsExpireAt, Now),
            item.AvailableToAllProjects, allowed, item.IsRetired, item.RetiredAt, allUsage, item.CreatedAt, item.UpdatedAt,
            versions, usage, allUsage - usage.Count, history, canEdit && !item.IsRetired, CanChangeRights(item, actor) && !item.IsRetired);
    }
}
