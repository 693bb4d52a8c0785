using System.Globalization;

namespace VideoHub.Features.Catalog.Clips;

public sealed record ClipFacts(double DurationSeconds, int Width, int Height)
{
    public bool IsPortrait => Height > Width;
    public string Size => $"{Width}x{Height}";
}

public enum ClipIssueKind { TooLong, Aspect, Resolution }

public sealed record ClipIssue(ClipIssueKind Kind, string Message);

/// <summary>How a clip is fitted to the target frame when its aspect is wrong: black bars, or cut the edges.</summary>
public enum ClipFit { Pad, Crop }

/// <summary>A fix the user chose: keep <see cref="LengthSeconds"/> from <see cref="StartSeconds"/>, fitted into the target size.</summary>
public sealed record ClipFix(double StartSeconds, double LengthSeconds, ClipFit Fit);

/// <summary>The provider guidance for character clips (2–4 s, 16:9 or 9:16, 720p–1080p), and what a fix would make.</summary>
public sealed class ClipGuidance(CatalogOptions o)
{
    private const double AspectTolerance = 0.01;

    public IReadOnlyList<ClipIssue> Check(ClipFacts f)
    {
        var issues = new List<ClipIssue>();
        if (f.DurationSeconds > o.MaxSeconds + 0.05)
            issues.Add(new(ClipIssueKind.TooLong, $"The clip is {S(f.DurationSeconds)} s long; providers take {S(o.MinSeconds)}–{S(o.MaxSeconds)} s. Choose the part to keep."));
        if (!HasGoodAspect(f))
            issues.Add(new(ClipIssueKind.Aspect, $"The clip is {f.Size}, which is neither 16:9 nor 9:16. It can be padded with black bars or cropped to {Target(f).Size}."));
        var shortSide = Math.Min(f.Width, f.Height);
        if (shortSide < o.MinShortSide || shortSide > o.MaxShortSide)
            issues.Add(new(ClipIssueKind.Resolution, $"The clip's short side is {shortSide} px; providers take {o.MinShortSide}–{o.MaxShortSide} px (720p to 1080p). It can be scaled to {Target(f).Size}."));
        return issues;
    }

    /// <summary>Clips that cannot be fixed by trimming or scaling: refused with a message.</summary>
    public string? Refusal(ClipFacts f)
    {
        if (f.DurationSeconds < o.MinSeconds - 0.05)
            return $"The clip is {S(f.DurationSeconds)} s long; a character clip needs at least {S(o.MinSeconds)} s. Upload a longer clip.";
        if (f.DurationSeconds > o.MaxSourceSeconds)
            return $"The clip is {S(f.DurationSeconds)} s long; clips longer than {S(o.MaxSourceSeconds)} s are not accepted. Cut it to a few seconds first.";
        if (f.Width < 16 || f.Height < 16) return "The clip's picture is too small to use.";
        return null;
    }

    /// <summary>The frame a fix produces: 16:9 (or 9:16 for portrait clips) with the short side within 720–1080 px.</summary>
    public ClipFacts Target(ClipFacts f)
    {
        var shortSide = Even(Math.Clamp(Math.Min(f.Width, f.Height), o.MinShortSide, o.MaxShortSide));
        var longSide = Even(shortSide * 16.0 / 9.0);
        return f.IsPortrait ? new ClipFacts(0, shortSide, longSide) : new ClipFacts(0, longSide, shortSide);
    }

    /// <summary>The suggested fix: the first up-to-4 seconds, padded.</summary>
    public ClipFix Suggest(ClipFacts f) => new(0, Math.Min(o.MaxSeconds, f.DurationSeconds), ClipFit.Pad);

    /// <summary>Why a chosen fix cannot be applied, or null when it can.</summary>
    public string? FixProblem(ClipFacts f, ClipFix fix)
    {
        if (fix.LengthSeconds < o.MinSeconds - 0.001 || fix.LengthSeconds > o.MaxSeconds + 0.001)
            return $"Keep between {S(o.MinSeconds)} and {S(o.MaxSeconds)} seconds.";
        if (fix.StartSeconds < 0 || fix.StartSeconds + fix.LengthSeconds > f.DurationSeconds + 0.05)
            return $"The part to keep must lie within the clip (0–{S(f.DurationSeconds)} s).";
        return null;
    }

    private static bool HasGoodAspect(ClipFacts f)
    {
        if (f.Width <= 0 || f.Height <= 0) return false;
        var ratio = (double)Math.Max(f.Width, f.Height) / Math.Min(f.Width, f.Height);
        return Math.Abs(ratio - 16.0 / 9.0) / (16.0 / 9.0) <= AspectTolerance;
    }

    private static int Even(double v) => (int)Math.Round(v / 2) * 2;

    public static string S(double seconds) => seconds.ToString("0.#", CultureInfo.InvariantCulture);
}
