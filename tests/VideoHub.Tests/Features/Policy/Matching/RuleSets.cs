using VideoHub.Domain.Policy;
using VideoHub.Features.Policy.Matching;
using VideoHub.Features.Policy.Seed;

namespace VideoHub.Tests.Features.Policy.Matching;

internal static class RuleSets
{
    private static long nextId = 1;

    public static PolicyRule Term(string pattern, PolicyAction action = PolicyAction.Block,
        PolicyCategory category = PolicyCategory.CopyrightedCharacter) =>
        new() { Id = nextId++, Pattern = pattern, Action = action, Category = category, Message = "is not allowed." };

    public static PolicyRule Regex(string pattern) =>
        new() { Id = nextId++, Pattern = pattern, IsRegex = true, Category = PolicyCategory.Custom, Message = "matches a custom rule." };

    public static CompiledRuleSet Of(params PolicyRule[] rules) => new(rules, CompiledRuleSet.RegexTimeout);

    public static CompiledRuleSet Terms(params string[] terms) => Of(terms.Select(t => Term(t)).ToArray());

    /// <summary>The shipped defaults plus short words that sit inside many innocent ones.</summary>
    public static CompiledRuleSet DefaultsAndShortWords { get; } = new(
        DefaultPolicyRules.Load(DateTime.UtcNow)
            .Concat(new[] { "ass", "cum", "tit", "anal", "hell", "piss", "crap", "nazi", "rape", "sex", "meth", "gore", "nude", "cock" }
                .Select(t => Term(t, category: PolicyCategory.NotForMinors))),
        CompiledRuleSet.RegexTimeout);
}
