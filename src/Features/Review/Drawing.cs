using System.Text.Json;
using System.Text.RegularExpressions;

namespace VideoHub.Features.Review;

/// <summary>Drawings on a paused frame: strokes of normalised (0–1) points, checked and re-written by the server.</summary>
public static partial class Drawing
{
    public const int MaxStrokes = 50;
    public const int MaxPoints = 4000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The drawing re-serialised with coordinates clamped to 0–1 and rounded, or null when it is not a valid drawing.</summary>
    public static string? Normalise(string json)
    {
        List<DrawingStroke>? strokes;
        try { strokes = JsonSerializer.Deserialize<List<DrawingStroke>>(json, Json); }
        catch (JsonException) { return null; }
        if (strokes is null || strokes.Count is 0 or > MaxStrokes) return null;
        if (strokes.Sum(s => s.Points?.Count ?? 0) > MaxPoints) return null;
        var clean = new List<DrawingStroke>();
        foreach (var s in strokes)
        {
            if (s.Points is null || s.Points.Count == 0 || s.Points.Any(p => p is not { Length: 2 } || p.Any(v => !double.IsFinite(v)))) return null;
            var color = s.Color is { } c && ColorPattern().IsMatch(c) ? c : "#ff3b30";
            clean.Add(new DrawingStroke(color, s.Points.Select(p => new[] { Round(p[0]), Round(p[1]) }).ToList()));
        }
        return JsonSerializer.Serialize(clean, Json);
    }

    public static IReadOnlyList<DrawingStroke> Read(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try { return JsonSerializer.Deserialize<List<DrawingStroke>>(json, Json) ?? []; }
        catch (JsonException) { return []; }
    }

    private static double Round(double v) => Math.Round(Math.Clamp(v, 0, 1), 4);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}
