using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;

namespace VideoHub.Features.Gallery;

/// <summary>
/// Per project, the models, authors and catalog items its takes use, for the gallery's filter bar, so the first
/// screen does not read every take. An entry is stamped with the project's newest take (one seek on the
/// (ProjectId, CreatedAt, Id) index); a newer take adds only the takes since the stamp. Takes are only ever added,
/// with the clock's time; the whole entry is rebuilt after <see cref="MaxAge"/>, which also drops the choices of
/// deleted takes and the rare take stored out of order.
/// </summary>
public sealed class GalleryChoicesCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    private const int MaxPerProject = 500;
    private readonly ConcurrentDictionary<Guid, ProjectChoices> entries = new();

    internal async Task<ProjectChoices> GetAsync(VideoHubDbContext db, Guid projectId, CancellationToken ct)
    {
        var newest = await db.Videos.Where(v => v.ProjectId == projectId)
            .OrderByDescending(v => v.CreatedAt).Select(v => (DateTime?)v.CreatedAt).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(projectId, out var entry) && now - entry.BuiltAt < MaxAge)
        {
            if (entry.Newest == newest) return entry;
            if (entry.Newest is { } since && newest > since)
                return entries[projectId] = entry.With(await LoadAsync(db, projectId, since, ct), newest);
        }
        return entries[projectId] = ProjectChoices.Empty(now).With(await LoadAsync(db, projectId, null, ct), newest);
    }

    // The takes since a stamp include those at the stamp itself: a take stored later in the same tick is not lost.
    private static async Task<ProjectChoices.Delta> LoadAsync(VideoHubDbContext db, Guid projectId, DateTime? since, CancellationToken ct)
    {
        var takes = db.Videos.Where(v => v.ProjectId == projectId && (since == null || v.CreatedAt >= since));
        var models = await takes.Select(v => v.Model).Distinct().OrderBy(m => m).Take(MaxPerProject).ToListAsync(ct);
        var authors = await (from v in takes
                             join r in db.RenderRequests on v.RenderRequestId equals r.Id
                             group r by r.AuthorId into g
                             orderby g.Key
                             select new { g.Key, Name = g.Max(r => r.AuthorName) }).Take(MaxPerProject).ToListAsync(ct);
        var items = await (from v in takes
                           join l in db.RenderRequestCatalogItems on v.RenderRequestId equals l.RenderRequestId
                           group l by l.CatalogItemId into g
                           orderby g.Key
                           select new { g.Key, Name = g.Max(l => l.Name) }).Take(MaxPerProject).ToListAsync(ct);
        return new(models,
            authors.Select(a => new GalleryOption(a.Key, a.Name ?? a.Key)).ToList(),
            items.Select(i => new GalleryOption(i.Key.ToString(), i.Name ?? "")).ToList());
    }
}

/// <summary>One project's filter choices, immutable: a refresh makes a new one.</summary>
internal sealed record ProjectChoices(DateTimeOffset BuiltAt, DateTime? Newest, IReadOnlySet<string> Models,
    IReadOnlyDictionary<string, string> Authors, IReadOnlyDictionary<string, string> CatalogItems)
{
    public sealed record Delta(List<string> Models, List<GalleryOption> Authors, List<GalleryOption> CatalogItems);

    public static ProjectChoices Empty(DateTimeOffset builtAt) =>
        new(builtAt, null, new HashSet<string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

    public ProjectChoices With(Delta delta, DateTime? newest)
    {
        var authors = new Dictionary<string, string>(Authors);
        foreach (var a in delta.Authors) authors[a.Value] = a.Label;
        var items = new Dictionary<string, string>(CatalogItems);
        foreach (var i in delta.CatalogItems) items[i.Value] = i.Label;
        return this with { Newest = newest, Models = Models.Union(delta.Models).ToHashSet(), Authors = authors, CatalogItems = items };
    }
}
