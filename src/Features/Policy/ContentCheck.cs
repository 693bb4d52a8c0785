using VideoHub.Domain.Policy;
using VideoHub.Features.Policy.Matching;

namespace VideoHub.Features.Policy;

/// <summary>Turns rule matches into findings: one per matched span, the stronger rule winning where they overlap.</summary>
public static class ContentCheck
{
    public static List<PolicyFinding> Findings(CompiledRuleSet rules, string prompt, ILogger? log = null)
    {
        var timedOut = new List<PolicyRule>();
        var matches = rules.Match(prompt, timedOut);
        foreach (var rule in timedOut)
            log?.LogWarning("Policy rule {RuleId} timed out on a prompt and was skipped", rule.Id);

        var kept = new List<RuleMatch>();
        foreach (var m in matches.OrderBy(m => m.Start).ThenByDescending(m => m.Length)
                     .ThenBy(m => m.Rule.Action == PolicyAction.Block ? 0 : 1))
        {
            var covered = kept.Any(k => k.Start <= m.Start && k.Start + k.Length >= m.Start + m.Length
                                        && (k.Rule.Action == PolicyAction.Block || m.Rule.Action == PolicyAction.Warn));
            if (!covered) kept.Add(m);
        }
        return kept.Select(ToFinding).ToList();
    }

    public static PolicyFinding ToFinding(RuleMatch m) =>
        new(m.Rule.Action == PolicyAction.Block ? FindingSeverity.Block : FindingSeverity.Warn,
            PolicyFinding.CategoryOf(m.Rule.Category),
            $"“{m.Text.Trim()}” {m.Rule.Message}")
        {
            Span = new TextSpan(m.Start, m.Length),
            MatchedText = m.Text,
            SuggestedFix = m.Rule.SuggestedFix,
            RuleId = m.Rule.Id,
        };
}
