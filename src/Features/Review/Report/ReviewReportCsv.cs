using System.Globalization;
using System.Text;

namespace VideoHub.Features.Review.Report;

/// <summary>One CSV row per take (RFC 4180, UTF-8 with BOM so spreadsheets read accents); cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.</summary>
public static class ReviewReportCsv
{
    public static readonly string[] Header =
        ["take_id", "created_utc", "author", "review_state", "operation", "parent_take_id", "provider", "model", "size", "seconds",
         "cost_usd", "prompt", "decisions", "comments"];

    public static byte[] Write(ReviewReport report)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Header).Append("\r\n");
        foreach (var t in report.Takes)
        {
            var cells = new[]
            {
                t.Take.Id.ToString(), t.Take.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), t.Take.AuthorName,
                t.Take.ReviewState.ToString(), t.Take.Operation.ToString(), t.Take.ParentVideoId?.ToString() ?? "", t.ProviderId,
                t.Take.Model, t.Size, t.Seconds.ToString(CultureInfo.InvariantCulture), t.Cost.ToString("0.00", CultureInfo.InvariantCulture),
                t.Take.Prompt,
                string.Join("\n", t.Decisions.Select(Decision)),
                string.Join("\n", t.Comments.Select(Comment)),
            };
            sb.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static string Decision(DecisionView d) =>
        $"{d.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {d.ReviewerName}: {ReviewRules.Label(d.Verdict)}"
        + (d.Note is null ? "" : $" — {d.Note}") + (d.IsCurrent ? "" : " (superseded)");

    public static string Comment(CommentView c) =>
        $"[{ReviewRules.TimeCode(c.TimeSeconds)}{(c.EndSeconds is { } e ? "–" + ReviewRules.TimeCode(e) : "")}] {c.AuthorName}"
        + (c.ParentCommentId is null ? "" : " (reply)") + $": {c.Body}" + (c.IsResolved ? " (resolved)" : "");

    public static string Escape(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
