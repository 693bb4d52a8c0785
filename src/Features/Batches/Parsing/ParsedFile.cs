using System.Text.RegularExpressions;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Policy;

namespace VideoHub.Features.Batches.Parsing;

/// <summary>The rows a file gave and the issues of the lines it could not turn into rows.</summary>
public sealed record ParsedFile(IReadOnlyList<BatchRowInput> Rows, IReadOnlyList<RowIssue> Issues)
{
    public static ParsedFile Refused(string message) => new([], [new RowIssue(0, null, "file", FindingSeverity.Block, message)]);
    public bool IsRefused => Rows.Count == 0 && Issues.Any(i => i.IsBlock);
}

/// <summary>What both file formats share: the fields of a row, checked one by one, and unique custom ids.</summary>
internal sealed partial class RowCollector
{
    private readonly List<BatchRowInput> rows = [];
    private readonly List<RowIssue> issues = [];
    private readonly HashSet<string> customIds = new(StringComparer.Ordinal);

    public int Count => rows.Count;

    public void Issue(int line, string? customId, string field, string message) =>
        issues.Add(new RowIssue(line, customId, field, FindingSeverity.Block, message));

    /// <summary>Checks one row's fields; adds it when they are well-formed, otherwise records why not.</summary>
    public void Add(int line, IReadOnlyDictionary<string, string?> fields)
    {
        var before = issues.Count;
        var customId = Value(fields, "custom_id") ?? $"line-{line}";
        if (customId.Length > BatchRow.CustomIdMaxLength || !CustomIdPattern().IsMatch(customId))
            Issue(line, customId, "custom_id", $"Use up to {BatchRow.CustomIdMaxLength} letters, digits, '-', '_' or '.' for the custom id.");
        else if (!customIds.Add(customId))
            Issue(line, customId, "custom_id", $"The custom id “{customId}” is used by an earlier row; custom ids must be unique.");
        var prompt = Value(fields, "prompt");
        if (prompt is null) Issue(line, customId, "prompt", "The prompt is empty.");
        int? seconds = null;
        if (Value(fields, "seconds") is { } text)
        {
            if (int.TryParse(text.TrimEnd('s', 'S'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s)) seconds = s;
            else Issue(line, customId, "seconds", $"“{text}” is not a whole number of seconds.");
        }
        if (issues.Count > before) return;
        if (rows.Count >= BatchLimits.MaxRows)
        {
            if (rows.Count == BatchLimits.MaxRows) Issue(line, customId, "file", $"A batch has at most {BatchLimits.MaxRows} rows; this row and the ones after it are left out.");
            return;
        }
        rows.Add(new BatchRowInput(line, customId, prompt!)
        {
            ProviderId = Value(fields, "provider"),
            Model = Value(fields, "model"),
            Size = Value(fields, "size")?.ToLowerInvariant(),
            Seconds = seconds,
            CatalogItems = (Value(fields, "catalog_items") ?? "").Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            ImageFileName = Value(fields, "image"),
        });
    }

    public ParsedFile Result()
    {
        if (rows.Count == 0 && issues.Count == 0) Issue(0, null, "file", "The file has no rows.");
        return new ParsedFile(rows, issues);
    }

    /// <summary>Header names as people write them ("Custom ID", "image-reference") mapped to the field names.</summary>
    public static string? FieldOf(string header)
    {
        var key = header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return key switch
        {
            "custom_id" or "customid" or "id" => "custom_id",
            "prompt" => "prompt",
            "provider" or "provider_id" => "provider",
            "model" => "model",
            "size" or "resolution" => "size",
            "seconds" or "duration" => "seconds",
            "catalog_items" or "catalog" or "characters" => "catalog_items",
            "image" or "image_reference" or "image_file" or "input_reference" => "image",
            _ => null,
        };
    }

    private static string? Value(IReadOnlyDictionary<string, string?> fields, string name) =>
        fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex CustomIdPattern();
}
