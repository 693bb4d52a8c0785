using System.Diagnostics;
using VideoHub.Domain.Policy;
using VideoHub.Features.Policy.Matching;

namespace VideoHub.Tests.Features.Policy.Matching;

public sealed class RegexRuleTests
{
    [Fact]
    public void RegexRule_MatchesCaseInsensitively_WithItsOriginalSpan()
    {
        var rules = RuleSets.Of(RuleSets.Regex(@"\bproject\s+x\d+\b"));
        const string prompt = "A trailer for PROJECT X42, at night.";
        var match = Assert.Single(rules.Match(prompt));
        Assert.Equal("PROJECT X42", prompt.Substring(match.Start, match.Length));
    }

    [Fact]
    public void CatastrophicRegex_TimesOut_IsReportedAndSkipped_OtherRulesStillRun()
    {
        var slow = RuleSets.Regex(@"^(\w+\s?)*$");
        var rules = new CompiledRuleSet([slow, RuleSets.Term("Mickey")], TimeSpan.FromMilliseconds(20));
        var prompt = "Mickey " + string.Concat(Enumerable.Repeat("ab", 40)) + "!";
        var timedOut = new List<PolicyRule>();

        var watch = Stopwatch.StartNew();
        var matches = rules.Match(prompt, timedOut);
        watch.Stop();

        Assert.Same(slow, Assert.Single(timedOut));
        Assert.Equal("Mickey", Assert.Single(matches).Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("(unclosed", "not a valid regular expression")]
    [InlineData("[a-", "not a valid regular expression")]
    [InlineData("a{2,1}", "not a valid regular expression")]
    [InlineData("x*", "matches empty text")]
    [InlineData("", "Enter a term")]
    public void InvalidRegex_IsRefused_WithAClearMessage(string pattern, string expected)
    {
        var error = PolicyPatterns.Validate(pattern, isRegex: true);
        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void ValidRegexAndTerm_AreAccepted_OneLetterTermIsRefused()
    {
        Assert.Null(PolicyPatterns.Validate(@"\bfoo\d+", isRegex: true));
        Assert.Null(PolicyPatterns.Validate("Mickey Mouse", isRegex: false));
        Assert.Contains("two letters", PolicyPatterns.Validate("x!", isRegex: false));
    }

    [Fact]
    public void InvalidRegexInTheDatabase_IsSkippedWhenCompiling()
    {
        var rules = RuleSets.Of(RuleSets.Regex("(unclosed"), RuleSets.Term("Mickey"));
        Assert.Equal(1, rules.Count);
    }

    [Fact]
    public void DisabledRule_DoesNotMatch()
    {
        var rule = RuleSets.Term("Mickey");
        rule.Enabled = false;
        Assert.Empty(RuleSets.Of(rule).Match("Mickey"));
    }
}
