using VideoHub.Domain.Policy;

namespace VideoHub.Features.Policy.Seed;

/// <summary>Reads the default rule lists shipped inside the assembly (default-rules.txt; its header explains the format).</summary>
public static class DefaultPolicyRules
{
    public const string ResourceName = "VideoHub.Policy.default-rules.txt";

    public static List<PolicyRule> Load(DateTime now)
    {
        using var stream = typeof(DefaultPolicyRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), now);
    }

    public static List<PolicyRule> Parse(string text, DateTime now)
    {
        var rules = new List<PolicyRule>();
        string[]? section = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1].Split('|', StringSplitOptions.TrimEntries);
                if (section.Length != 4) throw new FormatException($"Line {lineNumber}: a section needs four fields.");
                continue;
            }
            if (section is null) throw new FormatException($"Line {lineNumber}: a rule before any section.");
            var isRegex = line.StartsWith("re:", StringComparison.Ordinal);
            rules.Add(new PolicyRule
            {
                Category = Enum.Parse<PolicyCategory>(section[0]),
                Action = Enum.Parse<PolicyAction>(section[1]),
                Message = section[2],
                SuggestedFix = section[3].Length == 0 ? null : section[3],
                Pattern = isRegex ? line[3..] : line,
                IsRegex = isRegex,
                Enabled = true,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        return rules;
    }
}
