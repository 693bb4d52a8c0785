using System.Text.RegularExpressions;
using VideoHub.Domain.Policy;

namespace VideoHub.Features.Policy.Matching;

/// <summary>A match of one rule in the original prompt.</summary>
public readonly record struct RuleMatch(PolicyRule Rule, int Start, int Length, string Text);

/// <summary>
/// The enabled rules, prepared once per change of the rule list: terms reduced to letters, regular expressions
/// constructed with a match timeout so a bad expression cannot hold a thread.
/// </summary>
public sealed class CompiledRuleSet
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);
    public const RegexOptions RegexFlags = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly List<(PolicyRule Rule, TermMatcher Matcher)> terms = [];
    private readonly List<(PolicyRule Rule, Regex Regex)> expressions = [];

    public static CompiledRuleSet Empty { get; } = new([], RegexTimeout);

    public CompiledRuleSet(IEnumerable<PolicyRule> rules, TimeSpan regexTimeout)
    {
        foreach (var rule in rules.Where(r => r.Enabled))
        {
            if (!rule.IsRegex)
            {
                if (TermMatcher.Create(rule.Pattern) is { } m) terms.Add((rule, m));
            }
            else if (PolicyPatterns.TryCreateRegex(rule.Pattern, regexTimeout, out var regex, out _))
                expressions.Add((rule, regex));
        }
    }

    public int Count => terms.Count + expressions.Count;

    /// <summary>
    /// Every match of every rule in <paramref name="text"/>. A regular expression that runs out of time is skipped
    /// and added to <paramref name="timedOut"/>; it never fails the check.
    /// </summary>
    public List<RuleMatch> Match(string text, ICollection<PolicyRule>? timedOut = null)
    {
        var matches = new List<RuleMatch>();
        if (string.IsNullOrEmpty(text)) return matches;
        var normalized = TextNormalizer.Normalize(text);
        foreach (var (rule, matcher) in terms)
            matcher.FindAll(normalized, (start, end) =>
            {
                var (from, length) = normalized.OriginalSpan(start, end);
                matches.Add(new RuleMatch(rule, from, length, text.Substring(from, length)));
            });
        foreach (var (rule, regex) in expressions)
        {
            try
            {
                for (var m = regex.Match(text); m.Success; m = m.NextMatch())
                    if (m.Length > 0) matches.Add(new RuleMatch(rule, m.Index, m.Length, m.Value));
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut?.Add(rule);
            }
        }
        return matches;
    }
}
