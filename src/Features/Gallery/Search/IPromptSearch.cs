using VideoHub.Data;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Gallery.Search;

/// <summary>
/// Full-text search over take prompts, as a query the gallery composes its filters, order and paging on.
/// SQLite uses FTS5 (<see cref="SqlitePromptSearch"/>); a PostgreSQL implementation would use tsvector/tsquery.
/// </summary>
public interface IPromptSearch
{
    /// <summary>Takes whose prompt matches every word of <paramref name="terms"/> (each as a prefix).</summary>
    IQueryable<Video> Matching(VideoHubDbContext db, SearchTerms terms);
}

/// <summary>
/// What a user typed, reduced to plain words: letters and digits only, so no query syntax (quotes, NEAR, column
/// filters, stray operators) ever reaches the search engine and nothing a user types can cause a syntax error.
/// </summary>
public sealed record SearchTerms(IReadOnlyList<string> Words)
{
    public const int MaxWords = 12;

    public bool IsEmpty => Words.Count == 0;

    public static SearchTerms Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new([]);
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) { current.Append(ch); continue; }
            Flush();
        }
        Flush();
        return new(words.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords).ToList());

        void Flush()
        {
            if (current.Length > 0 && current.Length <= 64) words.Add(current.ToString());
            current.Clear();
        }
    }
}
