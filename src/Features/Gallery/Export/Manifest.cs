using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoHub.Features.Gallery.Export;

public sealed record ManifestDecision(string Reviewer, string Verdict, string? Note, DateTime At, bool Superseded);

/// <summary>One take of an exported zip, as manifest.json and manifest.csv describe it.</summary>
public sealed class ManifestEntry
{
    public string File { get; set; } = "";
    public Guid TakeId { get; init; }
    public Guid ProjectId { get; init; }
    public string Project { get; init; } = "";
    public string Prompt { get; init; } = "";
    public string Model { get; init; } = "";
    public string Provider { get; init; } = "";
    public string Operation { get; init; } = "";
    public string Size { get; init; } = "";
    public int RequestedSeconds { get; init; }
    public double DurationSeconds { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public string Author { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public string ReviewState { get; init; } = "";
    public IReadOnlyList<ManifestDecision> Decisions { get; set; } = [];
    /// <summary>SHA-256 of the bytes written into the zip.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>SHA-256 recorded when the take was downloaded from the provider.</summary>
    public string StoredSha256 { get; init; } = "";
    public long Bytes { get; set; }
    [JsonIgnore] public string VideoKey { get; init; } = "";
}

public static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>RFC 4180 CSV; cells that a spreadsheet would run as a formula get a leading apostrophe.</summary>
public static class ManifestCsv
{
    private static readonly string[] Header =
        ["file", "take_id", "project", "prompt", "model", "provider", "operation", "size", "requested_seconds", "duration_seconds",
         "author", "created_at", "review_state", "review_decisions", "sha256", "stored_sha256", "bytes"];

    public static string Write(IEnumerable<ManifestEntry> entries)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', Header));
        foreach (var e in entries)
        {
            var decisions = string.Join("; ", e.Decisions.Select(d => $"{d.Reviewer}: {d.Verdict}{(d.Superseded ? " (superseded)" : "")}{(string.IsNullOrEmpty(d.Note) ? "" : " - " + d.Note)}"));
            string[] cells = [e.File, e.TakeId.ToString(), e.Project, e.Prompt, e.Model, e.Provider, e.Operation, e.Size,
                e.RequestedSeconds.ToString(CultureInfo.InvariantCulture), e.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture),
                e.Author, e.CreatedAt.ToString("O", CultureInfo.InvariantCulture), e.ReviewState, decisions, e.Sha256, e.StoredSha256,
                e.Bytes.ToString(CultureInfo.InvariantCulture)];
            csv.AppendLine(string.Join(',', cells.Select(Cell)));
        }
        return csv.ToString();
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
