namespace VideoHub.Features.Policy.Matching;

/// <summary>
/// A term reduced to letters, found in normalised text only where it stands as a word (so "ass" never fires inside
/// "class"), with an optional plural or possessive ending ("Pikachus", "Mario's").
/// </summary>
public sealed class TermMatcher
{
    private readonly bool[] wordBreaks;

    private TermMatcher(string letters, bool[] wordBreaks)
    {
        Letters = letters;
        this.wordBreaks = wordBreaks;
    }

    public string Letters { get; }

    /// <summary>English adds "es" only after s, x, z, ch, sh and o ("Daleks" but "Sonic boxes"); "heroines" is not "heroin".</summary>
    private bool TakesEs => Letters[^1] is 's' or 'x' or 'z' or 'o' || Letters.EndsWith("ch", StringComparison.Ordinal)
                            || Letters.EndsWith("sh", StringComparison.Ordinal);

    /// <summary>Null when the term has fewer than two letters or digits: it would match too much.</summary>
    public static TermMatcher? Create(string term)
    {
        var n = TextNormalizer.Normalize(term);
        if (n.Length < 2) return null;
        var breaks = new bool[n.Length];
        for (var j = 1; j < n.Length; j++) breaks[j] = n.Gaps[j] != Gap.None;
        return new TermMatcher(n.Letters, breaks);
    }

    /// <summary>Calls <paramref name="found"/> with each match as a letter range [start, end) of the text.</summary>
    public void FindAll(NormalizedText text, Action<int, int> found)
    {
        var from = 0;
        int at;
        while (from < text.Length && (at = text.Letters.IndexOf(Letters, from, StringComparison.Ordinal)) >= 0)
        {
            from = at + 1;
            if (!text.IsWordStart(at) || !GapsInsideAllowed(text, at)) continue;
            var end = WordEnd(text, at + Letters.Length);
            if (end < 0) continue;
            found(at, end);
            from = end;
        }
    }

    /// <summary>
    /// Whitespace inside a match is fine where the term has a space, or next to a lone letter ("M i c k e y");
    /// otherwise two real words would join up ("mic key" is not "Mickey").
    /// </summary>
    private bool GapsInsideAllowed(NormalizedText text, int at)
    {
        for (var p = at + 1; p < at + Letters.Length; p++)
        {
            if (text.Gaps[p] != Gap.Hard || wordBreaks[p - at]) continue;
            var loneBefore = p - 1 == 0 || text.Gaps[p - 1] == Gap.Hard;
            var loneAfter = p + 1 >= text.Length || text.Gaps[p + 1] == Gap.Hard;
            if (!loneBefore && !loneAfter) return false;
        }
        return true;
    }

    /// <summary>The end of the word after the term, taking a plural or possessive ending with it; -1 when the word goes on.</summary>
    private int WordEnd(NormalizedText text, int end)
    {
        var letters = text.Letters;
        if (end < text.Length && text.Gaps[end] != Gap.Hard)
        {
            if (letters[end] == 's' && text.IsWordEnd(end + 1)) return end + 1;
            if (TakesEs && end + 1 < text.Length && letters[end] == 'e' && letters[end + 1] == 's'
                && text.Gaps[end + 1] == Gap.None && text.IsWordEnd(end + 2)) return end + 2;
        }
        return text.IsWordEnd(end) ? end : -1;
    }
}
