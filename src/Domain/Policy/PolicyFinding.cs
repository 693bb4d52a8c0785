namespace VideoHub.Domain.Policy;

public enum FindingSeverity
{
    Warn,
    Block,
}

/// <summary>What a finding is about: a content list, or one of the other checks of the pre-check.</summary>
public enum FindingCategory
{
    CopyrightedCharacter,
    CopyrightedMusic,
    RealPerson,
    NotForMinors,
    Custom,
    Capability,
    Catalog,
    ImageReference,
    Budget,
    Provider,
}

/// <summary>A span of the prompt as the user typed it (UTF-16 offsets), for highlighting.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>One answer of the pre-check, in the same shape whether it came from VideoHub's rules or the provider.</summary>
public sealed record PolicyFinding(FindingSeverity Severity, FindingCategory Category, string Message)
{
    /// <summary>Where in the original prompt it matched; null when the finding is not about a piece of text.</summary>
    public TextSpan? Span { get; init; }
    public string? MatchedText { get; init; }
    public string? SuggestedFix { get; init; }
    public long? RuleId { get; init; }

    public bool IsBlock => Severity == FindingSeverity.Block;

    public static PolicyFinding Block(FindingCategory category, string message, string? fix = null) =>
        new(FindingSeverity.Block, category, message) { SuggestedFix = fix };

    public static PolicyFinding Warn(FindingCategory category, string message, string? fix = null) =>
        new(FindingSeverity.Warn, category, message) { SuggestedFix = fix };

    public static FindingCategory CategoryOf(PolicyCategory category) => category switch
    {
        PolicyCategory.CopyrightedCharacter => FindingCategory.CopyrightedCharacter,
        PolicyCategory.CopyrightedMusic => FindingCategory.CopyrightedMusic,
        PolicyCategory.RealPerson => FindingCategory.RealPerson,
        PolicyCategory.NotForMinors => FindingCategory.NotForMinors,
        _ => FindingCategory.Custom,
    };
}
