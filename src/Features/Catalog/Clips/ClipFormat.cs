namespace VideoHub.Features.Catalog.Clips;

/// <summary>The containers a source clip may come in, recognised by their first bytes, never by the file name alone.</summary>
public static class ClipFormat
{
    public static readonly IReadOnlyList<string> Extensions = [".mp4", ".mov", ".webm"];
    public const string Accept = ".mp4,.mov,.webm,video/mp4,video/quicktime,video/webm";

    /// <summary>".mp4", ".mov" or ".webm" from the file's header, or null when it is none of them.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[..4].SequenceEqual((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return ".webm";
        if (head.Length < 12) return null;
        var box = head[4..8];
        if (box.SequenceEqual("ftyp"u8)) return head[8..12].SequenceEqual("qt  "u8) ? ".mov" : ".mp4";
        // Older QuickTime files may start with another top-level atom.
        if (box.SequenceEqual("moov"u8) || box.SequenceEqual("wide"u8) || box.SequenceEqual("mdat"u8) || box.SequenceEqual("free"u8))
            return ".mov";
        return null;
    }

    public static string ContentType(string extension) => extension switch
    {
        ".webm" => "video/webm",
        ".mov" => "video/quicktime",
        _ => "video/mp4",
    };
}
