using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Gallery;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Gallery.Collections;

/// <summary>
/// Boards of takes across projects. The owner adds, removes and reorders; members of any project whose takes a
/// board shows may open it and see only the takes of their own projects; anyone else gets "not found".
/// </summary>
public sealed class CollectionService(IDbContextFactory<VideoHubDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public const int MaxItems = 500;

    public async Task<IReadOnlyList<CollectionSummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = ProjectAccess.Visible(db, actor).Select(p => p.Id);
        return await db.Collections
            .Where(c => c.OwnerId == actor.UserId || c.Items.Any(i => db.Videos.Any(v => v.Id == i.VideoId && visible.Contains(v.ProjectId))))
            .OrderByDescending(c => c.UpdatedAt).Take(200)
            .Select(c => new CollectionSummary(c.Id, c.Name, c.OwnerName, c.OwnerId == actor.UserId,
                c.Items.Count(i => db.Videos.Any(v => v.Id == i.VideoId && visible.Contains(v.ProjectId))), c.UpdatedAt))
            .ToListAsync(ct);
    }

    /// <summary>The board, or null when it does not exist or shows nothing this user may see (and is not theirs).</summary>
    public async Task<CollectionDetails?> GetAsync(Actor actor, Guid collectionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var collection = await db.Collections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == collectionId, ct);
        if (collection is null) return null;
        var scope = await GalleryScope.LoadAsync(db, actor, ct);
        var ids = scope.Projects.Keys.ToList();
        var all = await db.CollectionItems.CountAsync(i => i.CollectionId == collectionId, ct);
        var rows = await (from i in db.CollectionItems
                          join v in db.Videos on i.VideoId equals v.Id
                          where i.CollectionId == collectionId && (scope.IsAdmin || ids.Contains(v.ProjectId))
                          orderby i.Position
                          select new GalleryCard(v.Id, v.ProjectId, "", v.Model, v.Prompt.Substring(0, 300), v.DurationSeconds, v.Width, v.Height,
                              v.ReviewState, v.IsPicked, v.IsFavourite, v.CreatedAt, v.SpritesheetKey != "")).ToListAsync(ct);
        var mine = collection.OwnerId == actor.UserId;
        if (!mine && rows.Count == 0) return null;
        return new CollectionDetails(collection.Id, collection.Name, collection.OwnerName, mine,
            rows.Select(r => r with { ProjectName = scope.Name(r.ProjectId) }).ToList(), all - rows.Count);
    }

    public async Task<GalleryResult<Guid>> CreateAsync(Actor actor, string name, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > Collection.NameMaxLength) return GalleryResult<Guid>.Invalid($"Give the collection a name of 1 to {Collection.NameMaxLength} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var collection = new Collection { Name = name, OwnerId = actor.UserId, OwnerName = actor.UserName, CreatedAt = now, UpdatedAt = now };
        db.Collections.Add(collection);
        audit.Add(db, actor, AuditActions.CollectionCreated, "Collection", collection.Id.ToString(), $"Created collection '{name}'");
        await db.SaveChangesAsync(ct);
        return GalleryResult<Guid>.Ok(collection.Id);
    }

    public async Task<GalleryResult<bool>> DeleteAsync(Actor actor, Guid collectionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var collection = await OwnedAsync(db, actor, collectionId, ct);
        if (collection is null) return GalleryResult<bool>.NotFound();
        db.Collections.Remove(collection);
        audit.Add(db, actor, AuditActions.CollectionDeleted, "Collection", collection.Id.ToString(), $"Deleted collection '{collection.Name}'");
        await db.SaveChangesAsync(ct);
        return GalleryResult<bool>.Ok(true);
    }

    /// <summary>Adds a take the owner may see to the end of the board; adding it twice changes nothing.</summary>
    public async Task<GalleryResult<bool>> AddAsync(Actor actor, Guid collectionId, Guid videoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var collection = await OwnedAsync(db, actor, collectionId, ct);
        var projectId = await db.Videos.Where(v => v.Id == videoId).Select(v => (Guid?)v.ProjectId).FirstOrDefaultAsync(ct);
        if (collection is null || projectId is null || !(await ProjectAccess.GetAsync(db, actor, projectId.Value, ct)).CanView)
            return GalleryResult<bool>.NotFound();
        if (await db.CollectionItems.AnyAsync(i => i.CollectionId == collectionId && i.VideoId == videoId, ct)) return GalleryResult<bool>.Ok(false);
        var count = await db.CollectionItems.CountAsync(i => i.CollectionId == collectionId, ct);
        if (count >= MaxItems) return GalleryResult<bool>.Invalid($"A collection holds at most {MaxItems} takes.");
        var last = await db.CollectionItems.Where(i => i.CollectionId == collectionId).MaxAsync(i => (int?)i.Position, ct) ?? -1;
        var now = clock.GetUtcNow().UtcDateTime;
        db.CollectionItems.Add(new CollectionItem { CollectionId = collectionId, VideoId = videoId, Position = last + 1, AddedAt = now });
        collection.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return GalleryResult<bool>.Ok(true);
    }

    public async Task<GalleryResult<bool>> RemoveAsync(Actor actor, Guid collectionId, Guid videoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var collection = await OwnedAsync(db, actor, collectionId, ct);
        var item = await db.CollectionItems.FirstOrDefaultAsync(i => i.CollectionId == collectionId && i.VideoId == videoId, ct);
        if (collection is null || item is null) return GalleryResult<bool>.NotFound();
        db.CollectionItems.Remove(item);
        collection.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return GalleryResult<bool>.Ok(true);
    }

    /// <summary>Moves a take to <paramref name="newIndex"/> (0 = first) and renumbers the board.</summary>
    public async Task<GalleryResult<bool>> MoveAsync(Actor actor, Guid collectionId, Guid videoId, int newIndex, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var collection = await OwnedAsync(db, actor, collectionId, ct);
        if (collection is null) return GalleryResult<bool>.NotFound();
        var items = await db.CollectionItems.Where(i => i.CollectionId == collectionId).OrderBy(i => i.Position).ToListAsync(ct);
        var item = items.FirstOrDefault(i => i.VideoId == videoId);
        if (item is null) return GalleryResult<bool>.NotFound();
        items.Remove(item);
        items.Insert(Math.Clamp(newIndex, 0, items.Count), item);
        for (var i = 0; i < items.Count; i++) items[i].Position = i;
        collection.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return GalleryResult<bool>.Ok(true);
    }

    /// <summary>The owner's boards, for "add to collection" menus.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Collections.Where(c => c.OwnerId == actor.UserId).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    private static Task<Collection?> OwnedAsync(VideoHubDbContext db, Actor actor, Guid id, CancellationToken ct) =>
        db.Collections.FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == actor.UserId, ct);
}
