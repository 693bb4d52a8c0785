using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Gallery.Search;

/// <summary>FTS5: every word becomes a quoted prefix term ("word"*), all of them required.</summary>
public sealed class SqlitePromptSearch : IPromptSearch
{
    public IQueryable<Video> Matching(VideoHubDbContext db, SearchTerms terms)
    {
        var match = ToMatchExpression(terms);
        return db.Videos.FromSql($"SELECT * FROM Videos WHERE rowid IN (SELECT rowid FROM VideoSearch WHERE VideoSearch MATCH {match})");
    }

    public static string ToMatchExpression(SearchTerms terms) =>
        string.Join(" AND ", terms.Words.Select(w => "\"" + w.Replace("\"", "", StringComparison.Ordinal) + "\"*"));
}
