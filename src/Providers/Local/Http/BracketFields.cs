using System.Text.Json;
using System.Text.Json.Nodes;

namespace VideoHub.Providers.Local;

/// <summary>
/// Turns multipart/form fields into the JSON shape the same request would have as a JSON body, the way the official
/// SDKs encode nested values (reference §13): "video[id]" → {"video":{"id"}}, "characters[][id]" (one part each) →
/// {"characters":[{"id"},…]}, "input_reference[image_url]", "name[]" → arrays, "a[0][b]" → indexed arrays.
/// </summary>
public static class BracketFields
{
    /// <summary>Fields whose value may also arrive as a JSON text in a plain part.</summary>
    private static readonly HashSet<string> StructuredFields = ["characters", "input_reference", "video", "metadata"];

    public static void Add(JsonObject root, string key, IReadOnlyList<string?> values)
    {
        var segments = Parse(key);
        if (segments is null) return; // malformed brackets: ignore the field like unknown ones
        if (segments.Length == 1)
        {
            var value = values.Count > 0 ? values[^1] : null;
            root[segments[0]] = StructuredFields.Contains(segments[0]) && TryJson(value) is { } parsed ? parsed : value;
            return;
        }
        for (var i = 0; i < values.Count; i++) Assign(root, segments, values[i], i);
    }

    private static string[]? Parse(string key)
    {
        var open = key.IndexOf('[');
        if (open < 0) return [key];
        if (open == 0 || !key.EndsWith(']')) return null;
        var parts = new List<string> { key[..open] };
        foreach (var part in key[(open + 1)..^1].Split("]["))
        {
            if (part.Contains('[') || part.Contains(']')) return null;
            parts.Add(part);
        }
        return [.. parts];
    }

    private static void Assign(JsonObject root, string[] segments, string? value, int valueIndex)
    {
        JsonNode current = root;
        for (var k = 0; k < segments.Length; k++)
        {
            var last = k == segments.Length - 1;
            if (IsIndex(segments[k], valueIndex, out var index))
            {
                if (current is not JsonArray array) return;
                while (array.Count <= index) array.Add(last ? null : new JsonObject());
                if (last) { array[index] = value; return; }
                array[index] ??= new JsonObject();
                current = array[index]!;
                continue;
            }
            if (current is not JsonObject obj) return;
            if (last) { obj[segments[k]] = value; return; }
            var wantArray = IsIndex(segments[k + 1], 0, out _);
            var existing = obj[segments[k]];
            if (existing is null || (wantArray ? existing is not JsonArray : existing is not JsonObject))
                obj[segments[k]] = wantArray ? new JsonArray() : new JsonObject();
            current = obj[segments[k]]!;
        }
    }

    private static bool IsIndex(string segment, int valueIndex, out int index)
    {
        if (segment.Length == 0) { index = valueIndex; return true; }
        return int.TryParse(segment, System.Globalization.NumberStyles.None, null, out index) && index < 10_000;
    }

    private static JsonNode? TryJson(string? value)
    {
        if (value is null || value.Length == 0 || (value[0] != '{' && value[0] != '[')) return null;
        try { return JsonNode.Parse(value); }
        catch (JsonException) { return null; }
    }
}
