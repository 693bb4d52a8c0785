using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Gallery.Search;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Gallery;

/// <summary>
/// The gallery's SQL. A page is one keyset query per visible project, each walking that project's
/// (ProjectId, CreatedAt, Id) or (ProjectId, DurationSeconds, Id) index in order and stopping after a page, merged
/// with UNION ALL: SQLite cannot walk an <c>IN (projects)</c> list in one order, so a single query would sort every
/// take of every project for each page. Counts, far jumps and searches (whose FTS match is evaluated once) use one
/// query over all the projects instead, as do users with very many projects.
/// </summary>
internal sealed class GalleryQueries(VideoHubDbContext db, GalleryScope scope, GalleryFilters f, IPromptSearch search)
{
    /// <summary>Past this many projects one sorted query is cheaper (and shorter SQL) than a branch per project.</summary>
    public const int MaxUnionProjects = 40;

    private readonly SearchTerms terms = SearchTerms.Parse(f.Search);
    private readonly List<Guid> projects = f.ProjectId is { } only
        ? scope.Projects.ContainsKey(only) ? [only] : []
        : scope.Projects.Keys.ToList();

    /// <summary>False when the user may see none of the projects asked for: the answer is empty.</summary>
    public bool Any => projects.Count > 0;

    /// <summary>Every matching take, unordered, as one query.</summary>
    public IQueryable<Video> All()
    {
        var q = Source();
        if (projects.Count == 1) return Common(ForProject(q, projects[0]));
        if (!scope.IsAdmin || f.ProjectId is not null)
        {
            var ids = projects;
            q = q.Where(v => ids.Contains(v.ProjectId));
        }
        if (f.State is null && !f.AllStates && scope.ViewerProjects.Count > 0)
        {
            var viewerIds = scope.ViewerProjects;
            q = q.Where(v => !viewerIds.Contains(v.ProjectId) || v.ReviewState == ReviewState.Approved);
        }
        return Common(q);
    }

    /// <summary>The first <paramref name="take"/> takes after <paramref name="key"/>, in the filters' order.</summary>
    public IQueryable<Video> Page(GalleryCursor? key, int take)
    {
        if (projects.Count == 1 || projects.Count > MaxUnionProjects || !terms.IsEmpty)
            return Ordered(After(All(), key), f.Sort).Take(take);
        var union = projects
            .Select(p => Ordered(After(Common(ForProject(db.Videos, p)), key), f.Sort).Take(take))
            .Aggregate((a, b) => a.Concat(b));
        return Ordered(union, f.Sort).Take(take);
    }

    public static IQueryable<CardRow> Cards(IQueryable<Video> q) =>
        q.Select(v => new CardRow(v.Id, v.ProjectId, v.Model, v.Prompt.Substring(0, 300), v.DurationSeconds, v.Width, v.Height,
            v.ReviewState, v.IsPicked, v.IsFavourite, v.CreatedAt, v.SpritesheetKey != ""));

    /// <summary>The first <paramref name="limit"/> ids to count; ordered by project, which the ProjectId index already gives.</summary>
    public static IQueryable<Guid> CountSource(IQueryable<Video> q, int limit) => q.OrderBy(v => v.ProjectId).Select(v => v.Id).Take(limit);

    /// <summary>Only the sort key and id, so a far jump reads the (ProjectId, key, Id) index alone.</summary>
    public static IQueryable<SortKeyRow> SortKeys(IQueryable<Video> q, GallerySort sort) => sort is GallerySort.Longest or GallerySort.Shortest
        ? q.Select(v => new SortKeyRow(v.Id, default, v.DurationSeconds))
        : q.Select(v => new SortKeyRow(v.Id, v.CreatedAt, 0));

    public static IQueryable<Video> Ordered(IQueryable<Video> q, GallerySort sort) => sort switch
    {
        GallerySort.Oldest => q.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id),
        GallerySort.Longest => q.OrderByDescending(v => v.DurationSeconds).ThenByDescending(v => v.Id),
        GallerySort.Shortest => q.OrderBy(v => v.DurationSeconds).ThenBy(v => v.Id),
        _ => q.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id),
    };

    private IQueryable<Video> Source() => terms.IsEmpty ? db.Videos : search.Matching(db, terms);

    // Viewers see approved takes only, unless they ask for a state or for all of them.
    private IQueryable<Video> ForProject(IQueryable<Video> q, Guid projectId)
    {
        q = q.Where(v => v.ProjectId == projectId);
        return f.State is null && !f.AllStates && scope.ViewerProjects.Contains(projectId) ? q.Where(v => v.ReviewState == ReviewState.Approved) : q;
    }

    private IQueryable<Video> Common(IQueryable<Video> q)
    {
        if (f.State is { } state) q = q.Where(v => v.ReviewState == state);
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

    // The "sort key <= cursor" half is redundant but lets SQLite start the index walk at the cursor instead of
    // filtering from the top (it does not seek on an OR).
    private IQueryable<Video> After(IQueryable<Video> q, GalleryCursor? c)
    {
        if (c is null) return q;
        var (at, seconds, id) = (c.CreatedAt, c.DurationSeconds, c.Id);
        return f.Sort switch
        {
            GallerySort.Oldest => q.Where(v => v.CreatedAt >= at && (v.CreatedAt > at || v.Id.CompareTo(id) > 0)),
            GallerySort.Longest => q.Where(v => v.DurationSeconds <= seconds && (v.DurationSeconds < seconds || v.Id.CompareTo(id) < 0)),
            GallerySort.Shortest => q.Where(v => v.DurationSeconds >= seconds && (v.DurationSeconds > seconds || v.Id.CompareTo(id) > 0)),
            _ => q.Where(v => v.CreatedAt <= at && (v.CreatedAt < at || v.Id.CompareTo(id) < 0)),
        };
    }
}

internal sealed record SortKeyRow(Guid Id, DateTime CreatedAt, double DurationSeconds);

internal sealed record CardRow(Guid Id, Guid ProjectId, string Model, string Prompt, double DurationSeconds, int Width, int Height,
    ReviewState ReviewState, bool IsPicked, bool IsFavourite, DateTime CreatedAt, bool HasSpritesheet)
{
    public GalleryCard ToCard(string projectName) => new(Id, ProjectId, projectName, Model, Prompt, DurationSeconds, Width, Height,
        ReviewState, IsPicked, IsFavourite, CreatedAt, HasSpritesheet);
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
