using System.Globalization;

namespace VideoHub.Features.Gallery;

/// <summary>The last card's sort key and id, as an opaque string: "ticks|id" or "seconds|id".</summary>
internal sealed record GalleryCursor(DateTime CreatedAt, double DurationSeconds, Guid Id)
{
    public static string Of(GalleryCard card, GallerySort sort) => Of(card.Id, card.CreatedAt, card.DurationSeconds, sort);

    public static string Of(Guid id, DateTime createdAt, double seconds, GallerySort sort) => ByDuration(sort)
        ? $"{seconds.ToString("R", CultureInfo.InvariantCulture)}|{id:N}"
        : $"{createdAt.Ticks.ToString(CultureInfo.InvariantCulture)}|{id:N}";

    public static GalleryCursor? Parse(string? cursor, GallerySort sort)
    {
        if (cursor is null) return null;
        var parts = cursor.Split('|');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[1], "N", out var id)) return null;
        if (ByDuration(sort))
            return double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s)
                ? new(default, s, id) : null;
        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t <= DateTime.MaxValue.Ticks
            ? new(new DateTime(t, DateTimeKind.Utc), 0, id) : null;
    }

    private static bool ByDuration(GallerySort sort) => sort is GallerySort.Longest or GallerySort.Shortest;
}
