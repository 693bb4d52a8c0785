using VideoHub.Domain.Rendering;

namespace VideoHub.Media;

/// <summary>What a media URL may ask for. Anything else in the variant segment is "not found".</summary>
public enum MediaVariant { Video, Thumbnail, Spritesheet, Poster, Metadata }

public static class MediaVariants
{
    public static readonly IReadOnlyList<MediaVariant> All = Enum.GetValues<MediaVariant>();

    /// <summary>Exact lower-case names only: no case folding, no decoding, so "../x", "%2e%2e" or "VIDEO" never match.</summary>
    public static bool TryParse(string? value, out MediaVariant variant)
    {
        foreach (var v in All)
        {
            if (string.Equals(Name(v), value, StringComparison.Ordinal)) { variant = v; return true; }
        }
        variant = default;
        return false;
    }

    public static string Name(MediaVariant v) => v.ToString().ToLowerInvariant();

    public static string Extension(MediaVariant v) => v switch
    {
        MediaVariant.Video => ".mp4",
        MediaVariant.Metadata => ".json",
        _ => ".jpg",
    };
}

/// <summary>The facts of one take that media delivery needs, read in one query.</summary>
public sealed record MediaTake(Guid Id, Guid ProjectId, string VideoKey, string ThumbnailKey, string SpritesheetKey, string Sha256,
    string Prompt, string Model, double DurationSeconds, int Width, int Height, long Bytes, ReviewState ReviewState, DateTime CreatedAt)
{
    public static IQueryable<MediaTake> Select(IQueryable<Video> videos) => videos.Select(v => new MediaTake(v.Id, v.ProjectId,
        v.VideoKey, v.ThumbnailKey, v.SpritesheetKey, v.Sha256, v.Prompt, v.Model, v.DurationSeconds, v.Width, v.Height, v.Bytes,
        v.ReviewState, v.CreatedAt));
}
