using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace VideoHub.Features.Batches.Parsing;

/// <summary>
/// Reads a batch file: CSV (RFC 4180 quoting, through CsvHelper) with a header row, or JSONL with one object per line
/// (plain fields, or an OpenAI batch line whose "body" holds them). Never throws for bad input: every problem is an
/// issue with its line number and field; a file over the size limit is refused before it is read.
/// </summary>
public static class BatchFileParser
{
    public static async Task<ParsedFile> ParseAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var text = await ReadLimitedAsync(content, ct);
        if (text is null) return ParsedFile.Refused($"The file is larger than {BatchLimits.Describe(BatchLimits.MaxFileBytes)}; split it into smaller batches.");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" => ParseCsv(text),
            ".jsonl" or ".ndjson" => ParseJsonl(text),
            _ => ParsedFile.Refused("Upload a .csv or .jsonl file."),
        };
    }

    private static async Task<string?> ReadLimitedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > BatchLimits.MaxFileBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }

    public static ParsedFile ParseCsv(string text)
    {
        var rows = new RowCollector();
        string? badField = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            BadDataFound = args => badField ??= args.Field,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            DetectDelimiter = false,
        };
        using var parser = new CsvParser(new StringReader(text), config);
        if (!parser.Read()) return ParsedFile.Refused("The file is empty.");
        var header = parser.Record ?? [];
        var fields = header.Select(RowCollector.FieldOf).ToArray();
        if (!fields.Contains("prompt"))
            return ParsedFile.Refused("The first line must name the columns and include “prompt” (e.g. custom_id,prompt,model,size,seconds,catalog_items,image).");
        var previousEnd = parser.RawRow;
        while (parser.Read())
        {
            var line = previousEnd + 1;
            previousEnd = parser.RawRow;
            var record = parser.Record ?? [];
            if (badField is not null)
            {
                rows.Issue(line, null, "file", $"Bad quoting near “{Shorten(badField)}”: a field with a quote must be wrapped in quotes and its quotes doubled (\"\").");
                badField = null;
                continue;
            }
            if (record.Length != header.Length)
            {
                rows.Issue(line, null, "file", record.Length > header.Length
                    ? $"This line has {record.Length} fields but the header has {header.Length}: wrap fields that contain commas in quotes."
                    : $"This line has {record.Length} fields but the header has {header.Length}; check for an unclosed quote.");
                continue;
            }
            var values = new Dictionary<string, string?>();
            for (var i = 0; i < record.Length; i++)
                if (fields[i] is { } name) values[name] = record[i];
            rows.Add(line, values);
        }
        return rows.Result();
    }

    public static ParsedFile ParseJsonl(string text)
    {
        var rows = new RowCollector();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            Dictionary<string, string?>? values;
            try { values = Fields(line); }
            catch (JsonException ex) { rows.Issue(i + 1, null, "file", $"This line is not valid JSON ({Shorten(ex.Message)})."); continue; }
            if (values is null) { rows.Issue(i + 1, null, "file", "Each line must be one JSON object."); continue; }
            rows.Add(i + 1, values);
        }
        return rows.Result();
    }

    private static Dictionary<string, string?>? Fields(string line)
    {
        using var doc = JsonDocument.Parse(line);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
        var values = new Dictionary<string, string?>();
        Read(doc.RootElement, values);
        if (doc.RootElement.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object) Read(body, values);
        return values;
    }

    private static void Read(JsonElement obj, Dictionary<string, string?> values)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (RowCollector.FieldOf(property.Name) is not { } name) continue;
            values[name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.Array => string.Join(";", property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object
                    && e.TryGetProperty("name", out var n) ? n.ToString() : e.ToString())),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
