using System.Text.RegularExpressions;

namespace VideoHub.Domain.Catalog;

public enum RightsStatus { Valid, Expiring, Expired }

/// <summary>Rules of the catalog that the catalog pages, the request form and the pre-check all apply the same way.</summary>
public static partial class CatalogRules
{
    /// <summary>Rights that end within this window show as "expiring".</summary>
    public static readonly TimeSpan ExpiringWindow = TimeSpan.FromDays(30);

    /// <summary>What a name may hold, in words for the form.</summary>
    public const string NameRule =
        "Use 1 to 80 letters, digits, single spaces, hyphens (-), underscores (_) or apostrophes ('), starting and ending with a letter or digit.";

    /// <summary>
    /// A name is the exact word a prompt uses, so it must survive being typed into a prompt and found again: no
    /// punctuation that ends a sentence or quotes text, no '@' (it starts a mention), no line breaks or doubled spaces.
    /// </summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "Give the item a name: the exact word prompts will use.";
        if (name.Length > CatalogItem.NameMaxLength) return $"The name has {name.Length} characters; at most {CatalogItem.NameMaxLength} are allowed.";
        if (!NamePattern().IsMatch(name)) return $"“{name}” cannot be carried by a prompt. {NameRule}";
        return null;
    }

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    /// <summary>Rights hold through the whole expiry day (UTC); expiry dates are stored at midnight.</summary>
    public static RightsStatus StatusAt(DateTime? expiresAt, DateTime now)
    {
        if (expiresAt is not { } end) return RightsStatus.Valid;
        var today = now.Date;
        if (end.Date < today) return RightsStatus.Expired;
        return end.Date < today + ExpiringWindow ? RightsStatus.Expiring : RightsStatus.Valid;
    }

    /// <summary>Whether a render made now may use the item in this project.</summary>
    public static bool UsableIn(CatalogItem item, Guid projectId, DateTime now) =>
        !item.IsRetired && CoversProject(item, projectId) && StatusAt(item.RightsExpireAt, now) != RightsStatus.Expired;

    public static bool CoversProject(CatalogItem item, Guid projectId) =>
        item.AvailableToAllProjects || item.AllowedProjects.Any(p => p.ProjectId == projectId);

    /// <summary>Where the name occurs in a prompt as a whole word (any case), or null.</summary>
    public static (int Start, int Length)? FindName(string prompt, string name)
    {
        if (string.IsNullOrEmpty(prompt) || string.IsNullOrEmpty(name)) return null;
        var at = 0;
        while ((at = prompt.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = at + name.Length;
            if ((at == 0 || !IsWordChar(prompt[at - 1])) && (end == prompt.Length || !IsWordChar(prompt[end])))
                return (at, name.Length);
            at++;
        }
        return null;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    [GeneratedRegex(@"^[\p{L}\p{N}](?:[\p{L}\p{N}_'\-]| (?! ))*(?<=[\p{L}\p{N}])$")]
    private static partial Regex NamePattern();
}
