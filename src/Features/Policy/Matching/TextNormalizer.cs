using System.Globalization;
using System.Text;

namespace VideoHub.Features.Policy.Matching;

/// <summary>
/// Reduces text to what it says rather than how it is spelled: lower case, accents stripped (NFKD without marks),
/// punctuation inside words dropped, and digits and symbols that stand for letters ("M1ck3y", "$pider", "P!kachu")
/// read as those letters when they sit inside a word. Terms and prompts go through the same function, so they
/// compare letter for letter.
/// </summary>
public static class TextNormalizer
{
    private enum Kind : byte { Letter, Digit, LookAlike, Other }

    public static NormalizedText Normalize(string text)
    {
        var b = new Builder(text.Length);
        var runes = new List<(Rune Rune, int At, Kind Kind)>(32);
        var i = 0;
        while (i < text.Length)
        {
            runes.Clear();
            while (i < text.Length && !IsSpace(text[i]))
            {
                var rune = Rune.GetRuneAt(text, i);
                runes.Add((rune, i, KindOf(rune)));
                i += rune.Utf16SequenceLength;
            }
            AppendWord(runes, b);
            while (i < text.Length && IsSpace(text[i])) i++;
            b.Pending = Gap.Hard;
        }
        return b.Build(text);
    }

    /// <summary>Only the letters: what a term compares as.</summary>
    public static string Letters(string text) => Normalize(text).Letters;

    private static void AppendWord(List<(Rune Rune, int At, Kind Kind)> word, Builder b)
    {
        Kind? last = null;
        for (var k = 0; k < word.Count; k++)
        {
            var (rune, at, kind) = word[k];
            if (kind == Kind.LookAlike || (kind == Kind.Digit && LookAlike((char)rune.Value) is not null))
                kind = ReadsAsLetter(word, k) ? Kind.LookAlike : kind == Kind.Digit ? Kind.Digit : Kind.Other;
            if (kind == Kind.Other) { b.Soften(); continue; }
            // A change between letters and a number ("Mario64") is a word edge, like punctuation.
            var output = kind == Kind.Letter ? Kind.Letter : kind == Kind.LookAlike ? Kind.Letter : Kind.Digit;
            if (last is { } l && l != output) b.Soften();
            var added = kind switch
            {
                Kind.LookAlike => b.Append(LookAlike((char)rune.Value)!.Value, at, 1),
                Kind.Digit => b.Append((char)rune.Value, at, 1),
                _ => b.AppendLetter(rune, at),
            };
            if (added > 0) last = output;
        }
    }

    /// <summary>A digit or symbol stands for a letter between two letters, or at a word's start before a letter.</summary>
    private static bool ReadsAsLetter(List<(Rune Rune, int At, Kind Kind)> word, int k)
    {
        bool IsLetterAt(int j) => j >= 0 && j < word.Count && word[j].Kind == Kind.Letter;
        bool IsLetterish(int j) => j >= 0 && j < word.Count && word[j].Kind is Kind.Letter or Kind.LookAlike
            || (j >= 0 && j < word.Count && word[j].Kind == Kind.Digit && LookAlike((char)word[j].Rune.Value) is not null);
        var c = (char)word[k].Rune.Value;
        var between = (IsLetterAt(k - 1) && IsLetterish(k + 1)) || (IsLetterish(k - 1) && IsLetterAt(k + 1));
        var leading = k == 0 && IsLetterAt(k + 1) && c is not ('@' or '#' or '!' or '|' or '+');
        return between || leading;
    }

    private static Kind KindOf(Rune rune)
    {
        if (rune.IsAscii)
        {
            var c = (char)rune.Value;
            if (char.IsAsciiLetter(c)) return Kind.Letter;
            if (char.IsAsciiDigit(c)) return Kind.Digit;
            return LookAlike(c) is null ? Kind.Other : Kind.LookAlike;
        }
        return Rune.IsLetter(rune) ? Kind.Letter : Rune.IsDigit(rune) ? Kind.Digit : Kind.Other;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    /// <summary>Digits and symbols that people type instead of letters.</summary>
    private static char? LookAlike(char c) => c switch
    {
        '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '8' => 'b', '9' => 'g',
        '@' => 'a', '$' => 's', '!' => 'i', '|' => 'l', '+' => 't',
        _ => null,
    };

    /// <summary>Collects the letters and where each came from.</summary>
    private sealed class Builder(int capacity)
    {
        private readonly StringBuilder letters = new(capacity);
        private readonly List<int> origin = new(capacity);
        private readonly List<int> originLength = new(capacity);
        private readonly List<Gap> gaps = new(capacity);
        public Gap Pending = Gap.Hard;

        public void Soften() { if (Pending == Gap.None) Pending = Gap.Soft; }

        public int Append(char c, int at, int length)
        {
            letters.Append(c);
            origin.Add(at);
            originLength.Add(length);
            gaps.Add(Pending);
            Pending = Gap.None;
            return 1;
        }

        public int AppendLetter(Rune rune, int at)
        {
            var length = rune.Utf16SequenceLength;
            if (rune.IsAscii) return Append(char.ToLowerInvariant((char)rune.Value), at, length);
            if (Folded(rune.Value) is { } folded) return AppendAll(folded, at, length);
            var added = 0;
            foreach (var c in rune.ToString().Normalize(NormalizationForm.FormKD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
                if (Folded(c) is { } f) added += AppendAll(f, at, length);
                else if (char.IsLetterOrDigit(c)) added += Append(char.ToLowerInvariant(c), at, length);
            }
            return added;
        }

        private int AppendAll(string s, int at, int length)
        {
            foreach (var c in s) Append(c, at, length);
            return s.Length;
        }

        public NormalizedText Build(string original) =>
            new(original, letters.ToString(), [.. origin], [.. originLength], [.. gaps]);
    }

    /// <summary>Letters NFKD leaves whole, and Cyrillic and Greek letters that look Latin.</summary>
    private static string? Folded(int c) => c switch
    {
        'ß' => "ss", 'æ' or 'Æ' => "ae", 'œ' or 'Œ' => "oe", 'ø' or 'Ø' => "o", 'ł' or 'Ł' => "l", 'đ' or 'Đ' => "d",
        'þ' or 'Þ' => "th", 'ı' => "i",
        'а' or 'А' => "a", 'е' or 'Е' => "e", 'о' or 'О' => "o", 'р' or 'Р' => "p", 'с' or 'С' => "c",
        'у' or 'У' => "y", 'х' or 'Х' => "x", 'і' or 'І' => "i", 'к' or 'К' => "k", 'м' or 'М' => "m",
        'т' or 'Т' => "t", 'в' or 'В' => "b", 'н' or 'Н' => "h",
        'ο' or 'Ο' => "o", 'α' or 'Α' => "a", 'ε' or 'Ε' => "e", 'ι' or 'Ι' => "i", 'κ' or 'Κ' => "k", 'ν' => "v",
        'ρ' or 'Ρ' => "p", 'τ' or 'Τ' => "t", 'υ' => "u", 'χ' or 'Χ' => "x",
        _ => null,
    };
}
