using VideoHub.Domain.Projects;

namespace VideoHub.Features.Projects;

/// <summary>
/// The frame sizes a project may pick as its default. A fixed list for now; provider capability profiles will
/// supply it once providers exist.
/// </summary>
public static class VideoSizeChoices
{
    public static readonly IReadOnlyList<VideoSize> All =
    [
        new(1280, 720), new(720, 1280),
        new(1792, 1024), new(1024, 1792),
        new(1920, 1080), new(1080, 1920),
    ];

    public static bool IsOffered(string? size) =>
        VideoSize.TryParse(size, out var parsed) && All.Contains(parsed.Value);

    /// <summary>"1280×720 · landscape 16:9".</summary>
    public static string Label(string? size) =>
        VideoSize.TryParse(size, out var s)
            ? $"{s.Value.Width}×{s.Value.Height} · {(s.Value.IsPortrait ? "portrait" : "landscape")} {s.Value.Aspect}"
            : size ?? "";
}
