using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Gallery;

public sealed partial class GalleryService
{
    /// <summary>
    /// What the filter bar offers, drawn only from projects the user may see (checked now, on every call); the
    /// per-project sets come from <see cref="GalleryChoicesCache"/>.
    /// </summary>
    public async Task<GalleryChoices> ChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await GalleryScope.LoadAsync(db, actor, ct);
        var models = new SortedSet<string>(StringComparer.Ordinal);
        var authors = new Dictionary<string, string>();
        var items = new Dictionary<string, string>();
        foreach (var projectId in scope.Projects.Keys)
        {
            var p = await choiceCache.GetAsync(db, projectId, ct);
            models.UnionWith(p.Models);
            foreach (var a in p.Authors) authors[a.Key] = a.Value;
            foreach (var i in p.CatalogItems) items[i.Key] = i.Value;
        }
        return new(
            scope.Projects.OrderBy(p => p.Value).Select(p => new GalleryOption(p.Key.ToString(), p.Value)).ToList(),
            models.Take(100).ToList(),
            authors.OrderBy(a => a.Value).Take(200).Select(a => new GalleryOption(a.Key, a.Value)).ToList(),
            items.OrderBy(i => i.Value).Take(200).Select(i => new GalleryOption(i.Key, i.Value)).ToList());
    }

    /// <summary>
    /// Marks a take picked or favourite; members who may comment (not Viewers) may do it. A pick goes through the
    /// review service, so a version stack keeps one pick and the change is audited and reaches the review pages.
    /// </summary>
    public async Task<bool> SetFlagsAsync(Actor actor, Guid videoId, bool? picked, bool? favourite, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var video = await db.Videos.FirstOrDefaultAsync(v => v.Id == videoId, ct);
        if (video is null || !(await ProjectAccess.GetAsync(db, actor, video.ProjectId, ct)).CanComment) return false;
        if (picked is { } p && p != video.IsPicked && !(await review.PickAsync(actor, videoId, p, ct)).Succeeded) return false;
        if (favourite is { } f && f != video.IsFavourite)
        {
            video.IsFavourite = f;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
