namespace VideoHub.Features.Policy.Matching;

/// <summary>What separates a letter of the normalised text from the one before it in the original.</summary>
public enum Gap : byte
{
    /// <summary>Nothing: the same run of letters.</summary>
    None,
    /// <summary>Punctuation only ("Mic-key", "M.i.c.k.e.y", "Mario's").</summary>
    Soft,
    /// <summary>Whitespace ("M i c k e y", or two real words).</summary>
    Hard,
}

/// <summary>
/// A prompt reduced to lower-case letters and digits, with, for each of them, where it came from in the original
/// text and what separated it from the previous one. Matching runs on <see cref="Letters"/>; spans map back
/// through <see cref="Origin"/>.
/// </summary>
public sealed class NormalizedText
{
    internal NormalizedText(string original, string letters, int[] origin, int[] originLength, Gap[] gaps)
    {
        Original = original;
        Letters = letters;
        Origin = origin;
        OriginLength = originLength;
        Gaps = gaps;
    }

    public string Original { get; }
    public string Letters { get; }
    /// <summary>For each letter, the index in <see cref="Original"/> of the character it came from.</summary>
    public int[] Origin { get; }
    /// <summary>For each letter, how many UTF-16 units that original character takes (2 for a surrogate pair).</summary>
    public int[] OriginLength { get; }
    /// <summary>For each letter, what came between it and the previous letter (the first one has <see cref="Gap.Hard"/>).</summary>
    public Gap[] Gaps { get; }

    public int Length => Letters.Length;

    /// <summary>True when position <paramref name="i"/> starts a word: the text's start, or after a gap.</summary>
    public bool IsWordStart(int i) => i == 0 || Gaps[i] != Gap.None;

    /// <summary>True when a word ends just before position <paramref name="i"/>.</summary>
    public bool IsWordEnd(int i) => i >= Letters.Length || Gaps[i] != Gap.None;

    /// <summary>The original span of the letters [start, end).</summary>
    public (int Start, int Length) OriginalSpan(int start, int end)
    {
        var from = Origin[start];
        var to = Origin[end - 1] + OriginLength[end - 1];
        return (from, to - from);
    }
}
