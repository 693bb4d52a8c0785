using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Gallery.Search;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Gallery;

/// <summary>
/// The gallery across every project the user belongs to: filtered, searched and keyset-paged in the database, so
/// a page costs the same at the first card as at the 100,000th.
/// </summary>
public sealed partial class GalleryService(IDbContextFactory<VideoHubDbContext> dbFactory, IPromptSearch search)
{
    public const int MaxPageSize = 200;

    public async Task<GalleryPage> PageAsync(Actor actor, GalleryFilters filters, string? cursor, int size, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await GalleryScope.LoadAsync(db, actor, ct);
        var query = Filtered(db, scope, filters);
        if (query is null) return new([], null);
        var key = GalleryCursor.Parse(cursor, filters.Sort);
        if (cursor is not null && key is null) return new([], null);
        var rows = await Ordered(After(query, filters.Sort, key), filters.Sort)
            .Take(Math.Clamp(size, 1, MaxPageSize) + 1)
            .Select(v => new CardRow(v.Id, v.ProjectId, v.Model, v.Prompt.Substring(0, 300), v.DurationSeconds, v.Width, v.Height,
                v.ReviewState, v.IsPicked, v.IsFavourite, v.CreatedAt, v.SpritesheetKey != ""))
            .ToListAsync(ct);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(rows.Count - 1);
        var cards = rows.Select(r => r.ToCard(scope.Name(r.ProjectId))).ToList();
        return new(cards, more ? GalleryCursor.Of(cards[^1], filters.Sort) : null);
    }

    public async Task<int> CountAsync(Actor actor, GalleryFilters filters, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db, await GalleryScope.LoadAsync(db, actor, ct), filters);
        return query is null ? 0 : await query.CountAsync(ct);
    }

    /// <summary>
    /// The cursor that starts the page at <paramref name="offset"/>, found on the sort index alone (no card columns
    /// read), so jumping far down the grid costs one index walk instead of loading every page before it.
    /// </summary>
    public async Task<string?> CursorBeforeAsync(Actor actor, GalleryFilters filters, int offset, CancellationToken ct = default)
    {
        if (offset <= 0) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db, await GalleryScope.LoadAsync(db, actor, ct), filters);
        if (query is null) return null;
        var row = await Ordered(query, filters.Sort).Skip(offset - 1)
            .Select(v => new { v.Id, v.CreatedAt, v.DurationSeconds }).FirstOrDefaultAsync(ct);
        return row is null ? null : GalleryCursor.Of(row.Id, row.CreatedAt, row.DurationSeconds, filters.Sort);
    }

    private IQueryable<Video>? Filtered(VideoHubDbContext db, GalleryScope scope, GalleryFilters f)
    {
        var terms = SearchTerms.Parse(f.Search);
        IQueryable<Video> q = terms.IsEmpty ? db.Videos : search.Matching(db, terms);
        if (f.ProjectId is { } projectId)
        {
            if (!scope.Projects.ContainsKey(projectId)) return null;
            q = q.Where(v => v.ProjectId == projectId);
        }
        else if (!scope.IsAdmin)
        {
            var ids = scope.Projects.Keys.ToList();
            q = q.Where(v => ids.Contains(v.ProjectId));
        }
        if (f.State is { } state) q = q.Where(v => v.ReviewState == state);
        else if (!f.AllStates && scope.ViewerProjects.Count > 0)
        {
            var viewerIds = scope.ViewerProjects;
            q = q.Where(v => !viewerIds.Contains(v.ProjectId) || v.ReviewState == ReviewState.Approved);
        }
        if (!string.IsNullOrEmpty(f.Model)) q = q.Where(v => v.Model == f.Model);
        q = f.Aspect switch
        {
            Aspect.Landscape => q.Where(v => v.Width > v.Height),
            Aspect.Portrait => q.Where(v => v.Height > v.Width),
            Aspect.Square => q.Where(v => v.Width == v.Height),
            _ => q,
        };
        if (f.CatalogItemId is { } itemId)
            q = q.Where(v => db.RenderRequestCatalogItems.Any(c => c.RenderRequestId == v.RenderRequestId && c.CatalogItemId == itemId));
        if (!string.IsNullOrEmpty(f.AuthorId))
            q = q.Where(v => db.RenderRequests.Any(r => r.Id == v.RenderRequestId && r.AuthorId == f.AuthorId));
        if (f.From is { } from) q = q.Where(v => v.CreatedAt >= from);
        if (f.To is { } to) { var end = to.AddDays(1); q = q.Where(v => v.CreatedAt < end); }
        if (f.PickedOnly) q = q.Where(v => v.IsPicked);
        if (f.FavouritesOnly) q = q.Where(v => v.IsFavourite);
        return q;
    }

    private static IQueryable<Video> Ordered(IQueryable<Video> q, GallerySort sort) => sort switch
    {
        GallerySort.Oldest => q.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id),
        GallerySort.Longest => q.OrderByDescending(v => v.DurationSeconds).ThenByDescending(v => v.Id),
        GallerySort.Shortest => q.OrderBy(v => v.DurationSeconds).ThenBy(v => v.Id),
        _ => q.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id),
    };

    private static IQueryable<Video> After(IQueryable<Video> q, GallerySort sort, GalleryCursor? c)
    {
        if (c is null) return q;
        var (at, seconds, id) = (c.CreatedAt, c.DurationSeconds, c.Id);
        return sort switch
        {
            GallerySort.Oldest => q.Where(v => v.CreatedAt > at || (v.CreatedAt == at && v.Id.CompareTo(id) > 0)),
            GallerySort.Longest => q.Where(v => v.DurationSeconds < seconds || (v.DurationSeconds == seconds && v.Id.CompareTo(id) < 0)),
            GallerySort.Shortest => q.Where(v => v.DurationSeconds > seconds || (v.DurationSeconds == seconds && v.Id.CompareTo(id) > 0)),
            _ => q.Where(v => v.CreatedAt < at || (v.CreatedAt == at && v.Id.CompareTo(id) < 0)),
        };
    }

    private sealed record CardRow(Guid Id, Guid ProjectId, string Model, string Prompt, double DurationSeconds, int Width, int Height,
        ReviewState ReviewState, bool IsPicked, bool IsFavourite, DateTime CreatedAt, bool HasSpritesheet)
    {
        public GalleryCard ToCard(string projectName) => new(Id, ProjectId, projectName, Model, Prompt, DurationSeconds, Width, Height,
            ReviewState, IsPicked, IsFavourite, CreatedAt, HasSpritesheet);
    }
}

/// <summary>The projects the user may see (with names) and those where they are only a Viewer.</summary>
internal sealed record GalleryScope(bool IsAdmin, IReadOnlyDictionary<Guid, string> Projects, List<Guid> ViewerProjects)
{
    public string Name(Guid projectId) => Projects.TryGetValue(projectId, out var n) ? n : "";

    public static async Task<GalleryScope> LoadAsync(VideoHubDbContext db, Actor actor, CancellationToken ct)
    {
        var rows = await ProjectAccess.Visible(db, actor)
            .Select(p => new { p.Id, p.Name, Role = p.Members.Where(m => m.UserId == actor.UserId).Select(m => (ProjectRole?)m.Role).FirstOrDefault() })
            .ToListAsync(ct);
        var viewer = actor.IsAdmin ? [] : rows.Where(r => r.Role == ProjectRole.Viewer).Select(r => r.Id).ToList();
        return new(actor.IsAdmin, rows.ToDictionary(r => r.Id, r => r.Name), viewer);
    }
}
