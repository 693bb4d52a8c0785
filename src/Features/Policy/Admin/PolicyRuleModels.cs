using VideoHub.Domain.Policy;

namespace VideoHub.Features.Policy.Admin;

/// <summary>What the rule form edits.</summary>
public sealed class PolicyRuleEdit
{
    public PolicyCategory Category { get; set; } = PolicyCategory.Custom;
    public string Pattern { get; set; } = "";
    public bool IsRegex { get; set; }
    public PolicyAction Action { get; set; } = PolicyAction.Block;
    public string Message { get; set; } = "";
    public string? SuggestedFix { get; set; }
    public bool Enabled { get; set; } = true;

    public static PolicyRuleEdit From(PolicyRule r) => new()
    {
        Category = r.Category, Pattern = r.Pattern, IsRegex = r.IsRegex, Action = r.Action,
        Message = r.Message, SuggestedFix = r.SuggestedFix, Enabled = r.Enabled,
    };

    /// <summary>The problems with this edit, keyed by field; empty when it can be saved.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (Matching.PolicyPatterns.Validate(Pattern, IsRegex) is { } patternError) errors[nameof(Pattern)] = patternError;
        if (string.IsNullOrWhiteSpace(Message) || Message.Length > PolicyRule.MessageMaxLength)
            errors[nameof(Message)] = $"Write the message the user sees (at most {PolicyRule.MessageMaxLength} characters).";
        if (SuggestedFix is { Length: > PolicyRule.FixMaxLength })
            errors[nameof(SuggestedFix)] = $"The suggested fix may have at most {PolicyRule.FixMaxLength} characters.";
        if (!Enum.IsDefined(Category)) errors[nameof(Category)] = "Choose a category.";
        if (!Enum.IsDefined(Action)) errors[nameof(Action)] = "Choose block or warn.";
        return errors;
    }

    public override string ToString() =>
        $"{Category} {(IsRegex ? "regex" : "term")} “{Pattern}” → {Action}{(Enabled ? "" : " (disabled)")}: {Message}";
}

/// <summary>The rule list's filter.</summary>
public sealed record PolicyRuleFilter(PolicyCategory? Category = null, string? Search = null);
