using VideoHub.Providers;

namespace VideoHub.Media;

/// <summary>The storage layout: internal ids only, so nothing a user typed ever becomes a path.</summary>
public static class MediaKeys
{
    public static string For(Guid projectId, Guid videoId, ContentVariant variant) =>
        $"projects/{projectId:N}/videos/{videoId:N}/{FileName(variant)}";

    public static string FileName(ContentVariant variant) => variant switch
    {
        ContentVariant.Video => "video.mp4",
        ContentVariant.Thumbnail => "thumbnail.jpg",
        _ => "spritesheet.jpg",
    };

    public static string ContentType(ContentVariant variant) => variant == ContentVariant.Video ? "video/mp4" : "image/jpeg";
}
