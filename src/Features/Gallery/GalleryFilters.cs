using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Gallery;

public enum GallerySort { Newest, Oldest, Longest, Shortest }
public enum Aspect { Landscape, Portrait, Square }

/// <summary>
/// The gallery's filters, as they live in the URL so a view can be bookmarked and shared. <see cref="State"/> null
/// means the default: approved takes only in projects where the user is a Viewer, every state elsewhere;
/// <see cref="AllStates"/> turns that default off.
/// </summary>
public sealed record GalleryFilters
{
    public Guid? ProjectId { get; init; }
    public ReviewState? State { get; init; }
    public bool AllStates { get; init; }
    public string? Model { get; init; }
    public Aspect? Aspect { get; init; }
    public Guid? CatalogItemId { get; init; }
    public string? AuthorId { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public GallerySort Sort { get; init; }
    public string? Search { get; init; }
    public bool PickedOnly { get; init; }
    public bool FavouritesOnly { get; init; }

    public static GalleryFilters FromQuery(string query)
    {
        var q = QueryHelpers.ParseQuery(query);
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        var state = Get("state");
        return new GalleryFilters
        {
            ProjectId = Guid.TryParse(Get("project"), out var p) ? p : null,
            AllStates = state == "all",
            State = Enum.TryParse<ReviewState>(state, true, out var s) && Enum.IsDefined(s) ? s : null,
            Model = Trim(Get("model"), 100),
            Aspect = Enum.TryParse<Aspect>(Get("aspect"), true, out var a) && Enum.IsDefined(a) ? a : null,
            CatalogItemId = Guid.TryParse(Get("item"), out var i) ? i : null,
            AuthorId = Trim(Get("author"), 450),
            From = ParseDate(Get("from")),
            To = ParseDate(Get("to")),
            Sort = Enum.TryParse<GallerySort>(Get("sort"), true, out var o) && Enum.IsDefined(o) ? o : GallerySort.Newest,
            Search = Trim(Get("q"), 200),
            PickedOnly = Get("picked") == "1",
            FavouritesOnly = Get("fav") == "1",
        };
    }

    /// <summary>
    /// The filters in the URL whose values were not understood and are ignored (a hand-edited or truncated link),
    /// so the page can say so instead of silently showing something else.
    /// </summary>
    public static IReadOnlyList<string> Unreadable(string query)
    {
        var read = FromQuery(query);
        var q = QueryHelpers.ParseQuery(query);
        var bad = new List<string>();
        void Check(string key, bool understood)
        {
            if (q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) && !understood) bad.Add(key);
        }
        Check("project", read.ProjectId is not null);
        Check("state", read.State is not null || read.AllStates);
        Check("aspect", read.Aspect is not null);
        Check("item", read.CatalogItemId is not null);
        Check("from", read.From is not null);
        Check("to", read.To is not null);
        Check("sort", q.TryGetValue("sort", out var sort) && Enum.TryParse<GallerySort>(sort, true, out var o) && Enum.IsDefined(o));
        Check("picked", q.TryGetValue("picked", out var picked) && picked is ["1" or "0"]);
        Check("fav", q.TryGetValue("fav", out var fav) && fav is ["1" or "0"]);
        return bad;
    }

    public string ToQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) pairs.Add(new(key, value)); }
        Add("q", Search);
        Add("project", ProjectId?.ToString());
        Add("state", AllStates ? "all" : State?.ToString());
        Add("model", Model);
        Add("aspect", Aspect?.ToString());
        Add("item", CatalogItemId?.ToString());
        Add("author", AuthorId);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("sort", Sort == GallerySort.Newest ? null : Sort.ToString());
        Add("picked", PickedOnly ? "1" : null);
        Add("fav", FavouritesOnly ? "1" : null);
        return QueryString.Create(pairs).ToString();
    }

    private static string? Trim(string? value, int max) => value is null ? null : value.Trim()[..Math.Min(value.Trim().Length, max)];

    private static DateTime? ParseDate(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null;
}
