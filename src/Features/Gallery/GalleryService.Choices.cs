using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Gallery;

public sealed partial class GalleryService
{
    /// <summary>What the filter bar offers, drawn only from projects the user may see.</summary>
    public async Task<GalleryChoices> ChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await GalleryScope.LoadAsync(db, actor, ct);
        var ids = scope.Projects.Keys.ToList();
        var models = await db.Videos.Where(v => ids.Contains(v.ProjectId)).Select(v => v.Model).Distinct().OrderBy(m => m).Take(100).ToListAsync(ct);
        var authors = await db.RenderRequests.Where(r => ids.Contains(r.ProjectId) && r.VideoId != null)
            .GroupBy(r => r.AuthorId).Select(g => new { Id = g.Key, Name = g.Max(r => r.AuthorName) }).Take(200).ToListAsync(ct);
        var items = await (from link in db.RenderRequestCatalogItems
                           join r in db.RenderRequests on link.RenderRequestId equals r.Id
                           where ids.Contains(r.ProjectId)
                           group link by link.CatalogItemId into g
                           select new { Id = g.Key, Name = g.Max(l => l.Name) }).Take(200).ToListAsync(ct);
        return new(
            scope.Projects.OrderBy(p => p.Value).Select(p => new GalleryOption(p.Key.ToString(), p.Value)).ToList(),
            models,
            authors.OrderBy(a => a.Name).Select(a => new GalleryOption(a.Id, a.Name ?? a.Id)).ToList(),
            items.OrderBy(i => i.Name).Select(i => new GalleryOption(i.Id.ToString(), i.Name ?? "")).ToList());
    }

    /// <summary>Marks a take picked or favourite; members who may comment (not Viewers) may do it.</summary>
    public async Task<bool> SetFlagsAsync(Actor actor, Guid videoId, bool? picked, bool? favourite, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var video = await db.Videos.FirstOrDefaultAsync(v => v.Id == videoId, ct);
        if (video is null || !(await ProjectAccess.GetAsync(db, actor, video.ProjectId, ct)).CanComment) return false;
        if (picked is { } p) video.IsPicked = p;
        if (favourite is { } f) video.IsFavourite = f;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
