using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using VideoHub.Domain.Policy;

namespace VideoHub.Features.Policy.Matching;

/// <summary>Checks a rule's pattern before it is saved, with messages an admin can act on.</summary>
public static class PolicyPatterns
{
    /// <summary>The problem with the pattern, or null when it can be saved.</summary>
    public static string? Validate(string? pattern, bool isRegex)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return "Enter a term or an expression.";
        if (pattern.Length > PolicyRule.PatternMaxLength)
            return $"A pattern may have at most {PolicyRule.PatternMaxLength} characters.";
        if (!isRegex)
            return TermMatcher.Create(pattern) is null ? "A term needs at least two letters or digits." : null;
        if (!TryCreateRegex(pattern, CompiledRuleSet.RegexTimeout, out var regex, out var error))
            return $"This is not a valid regular expression: {error}";
        try
        {
            if (regex.IsMatch("")) return "This expression matches empty text, so it would flag every prompt.";
        }
        catch (RegexMatchTimeoutException)
        {
            return "This expression takes too long to run.";
        }
        return null;
    }

    public static bool TryCreateRegex(string pattern, TimeSpan timeout, [NotNullWhen(true)] out Regex? regex,
        [NotNullWhen(false)] out string? error)
    {
        try
        {
            regex = new Regex(pattern, CompiledRuleSet.RegexFlags, timeout);
            error = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            regex = null;
            error = ex.Message;
            return false;
        }
    }
}
