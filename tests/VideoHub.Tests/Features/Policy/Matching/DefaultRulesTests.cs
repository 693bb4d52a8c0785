using VideoHub.Domain.Policy;
using VideoHub.Features.Policy.Matching;
using VideoHub.Features.Policy.Seed;

namespace VideoHub.Tests.Features.Policy.Matching;

public sealed class DefaultRulesTests
{
    private static readonly List<PolicyRule> Defaults = DefaultPolicyRules.Load(DateTime.UtcNow);

    [Fact]
    public void Defaults_HaveAFewHundredRules_InEveryCategoryButCustom()
    {
        Assert.InRange(Defaults.Count, 300, 1000);
        foreach (var category in Enum.GetValues<PolicyCategory>().Where(c => c != PolicyCategory.Custom))
            Assert.True(Defaults.Count(r => r.Category == category) >= 30, $"{category} has too few rules");
        Assert.DoesNotContain(Defaults, r => r.Category == PolicyCategory.Custom);
        Assert.Contains(Defaults, r => r.Action == PolicyAction.Warn);
    }

    [Fact]
    public void EveryDefault_IsAValidPattern_WithAMessageAndAFix()
    {
        foreach (var rule in Defaults)
        {
            Assert.True(PolicyPatterns.Validate(rule.Pattern, rule.IsRegex) is null, $"“{rule.Pattern}” is not valid");
            Assert.False(string.IsNullOrWhiteSpace(rule.Message));
            Assert.False(string.IsNullOrWhiteSpace(rule.SuggestedFix));
        }
    }

    [Theory]
    [InlineData("a song that sounds like Coldplay", PolicyCategory.CopyrightedMusic)]
    [InlineData("a ballad that sounds like Radiohead", PolicyCategory.CopyrightedMusic)]
    [InlineData("music by Zimmerman-style composers", PolicyCategory.CopyrightedMusic)]
    [InlineData("Barack Obama gives a speech", PolicyCategory.RealPerson)]
    [InlineData("Darth Vader on a beach", PolicyCategory.CopyrightedCharacter)]
    [InlineData("a very gory fight", PolicyCategory.NotForMinors)]
    public void Defaults_CatchTypicalPrompts(string prompt, PolicyCategory expected)
    {
        var rules = new CompiledRuleSet(Defaults, CompiledRuleSet.RegexTimeout);
        Assert.Contains(rules.Match(prompt), m => m.Rule.Category == expected);
    }

    [Fact]
    public void DirectorStyle_Warns_WhileAnArtistBlocks()
    {
        var rules = new CompiledRuleSet(Defaults, CompiledRuleSet.RegexTimeout);
        Assert.Equal(PolicyAction.Warn, Assert.Single(rules.Match("in the style of Wes Anderson")).Rule.Action);
        Assert.Equal(PolicyAction.Block, Assert.Single(rules.Match("in the style of Taylor Swift")).Rule.Action);
    }
}
