using System.Diagnostics.CodeAnalysis;

namespace VideoHub.Domain.Projects;

/// <summary>A frame size as the wire format writes it: "WIDTHxHEIGHT".</summary>
public readonly record struct VideoSize(int Width, int Height)
{
    public bool IsPortrait => Height > Width;
    public string Aspect => IsPortrait ? "9:16" : "16:9";

    public override string ToString() => $"{Width}x{Height}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out VideoSize? size)
    {
        size = null;
        var parts = text?.Split('x');
        if (parts is not { Length: 2 }) return false;
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, null, out var w)) return false;
        if (!int.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out var h)) return false;
        if (w is < 16 or > 8192 || h is < 16 or > 8192) return false;
        size = new VideoSize(w, h);
        return true;
    }
}
