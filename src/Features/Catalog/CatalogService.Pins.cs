using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Catalog;

/// <summary>A catalog item version a render request used, as its request page shows it.</summary>
public sealed record PinnedCatalogItem(Guid ItemId, string Name, int VersionNumber, bool IsRetired);

public sealed partial class CatalogService
{
    /// <summary>
    /// The item versions a request pinned, under the name the prompt used; retired items stay listed, since the
    /// render used them. Empty when the actor may not see the request's project.
    /// </summary>
    public async Task<IReadOnlyList<PinnedCatalogItem>> PinnedAsync(Actor actor, Guid requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var projectId = await db.RenderRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => (Guid?)r.ProjectId).FirstOrDefaultAsync(ct);
        if (projectId is not { } p || !(await ProjectAccess.GetAsync(db, actor, p, ct)).CanView) return [];
        return await (from pin in db.RenderRequestCatalogItems.AsNoTracking()
                      join v in db.CatalogItemVersions on pin.CatalogItemVersionId equals v.Id
                      join i in db.CatalogItems on pin.CatalogItemId equals i.Id
                      where pin.RenderRequestId == requestId
                      orderby pin.Name
                      select new PinnedCatalogItem(i.Id, pin.Name, v.Number, i.IsRetired)).ToListAsync(ct);
    }
}
