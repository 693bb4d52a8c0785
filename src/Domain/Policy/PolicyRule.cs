namespace VideoHub.Domain.Policy;

/// <summary>The admin-editable content lists of the pre-check (DESIGN §4).</summary>
public enum PolicyCategory
{
    CopyrightedCharacter,
    CopyrightedMusic,
    RealPerson,
    NotForMinors,
    Custom,
}

public enum PolicyAction
{
    Block,
    Warn,
}

/// <summary>One content rule: a term (matched on normalised words) or a regular expression, and what to do on a match.</summary>
public class PolicyRule
{
    public const int PatternMaxLength = 500;
    public const int MessageMaxLength = 300;
    public const int FixMaxLength = 300;

    public long Id { get; set; }
    public PolicyCategory Category { get; set; }
    /// <summary>A term or phrase ("Mickey Mouse"), or a .NET regular expression when <see cref="IsRegex"/>.</summary>
    public string Pattern { get; set; } = "";
    public bool IsRegex { get; set; }
    public PolicyAction Action { get; set; } = PolicyAction.Block;
    public string Message { get; set; } = "";
    public string? SuggestedFix { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
