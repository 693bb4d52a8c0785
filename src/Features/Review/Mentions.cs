using System.Text.RegularExpressions;

namespace VideoHub.Features.Review;

/// <summary>A project member one can @-mention: <see cref="Handle"/> is what follows the @.</summary>
public sealed record MentionCandidate(string UserId, string Handle, string DisplayName);

/// <summary>@-mentions in comment text: "@ana" names the member whose e-mail starts with "ana@".</summary>
public static partial class Mentions
{
    public static string HandleOf(string emailOrName) => emailOrName.Split('@')[0];

    /// <summary>The members named in the text, each once.</summary>
    public static IReadOnlyList<string> Resolve(string text, IEnumerable<MentionCandidate> members)
    {
        var handles = Tokens(text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return members.Where(m => handles.Contains(m.Handle)).Select(m => m.UserId).Distinct().ToList();
    }

    public static IEnumerable<string> Tokens(string text) =>
        MentionPattern().Matches(text).Select(m => m.Groups[1].Value.TrimEnd('.'));

    /// <summary>Splits text into plain and @-mention parts, for display.</summary>
    public static IEnumerable<(string Text, bool IsMention)> Split(string text)
    {
        var at = 0;
        foreach (Match m in MentionPattern().Matches(text))
        {
            if (m.Index > at) yield return (text[at..m.Index], false);
            yield return (m.Value, true);
            at = m.Index + m.Length;
        }
        if (at < text.Length) yield return (text[at..], false);
    }

    [GeneratedRegex(@"(?<![\w@])@([\w][\w.\-+]{0,63})", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
