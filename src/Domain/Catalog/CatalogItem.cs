namespace VideoHub.Domain.Catalog;

public enum CatalogItemKind { Character, Object }

/// <summary>
/// A reusable character or object shared across projects. <see cref="Name"/> is the exact word a prompt uses;
/// each new source clip is a new <see cref="CatalogItemVersion"/>, and renders pin the version they used.
/// </summary>
public class CatalogItem
{
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 2000;
    public const int RightsHolderMaxLength = 200;
    public const int LicenceNoteMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    /// <summary>Upper-cased name for the unique index, so "Nova" and "nova" cannot both exist.</summary>
    public string NormalizedName { get; set; } = "";
    public CatalogItemKind Kind { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The user who owns the item's rights record (may change rights and project availability).</summary>
    public string OwnerId { get; set; } = "";
    public string OwnerName { get; set; } = "";

    public Guid? CurrentVersionId { get; set; }
    public int CurrentVersionNumber { get; set; }
    public bool IsRetired { get; set; }
    public DateTime? RetiredAt { get; set; }
    public int UsageCount { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency for edits from two browsers.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<CatalogItemVersion> Versions { get; set; } = [];

    /// <summary>Lower-case tags stored as "|hero|robot|", so a tag filter is one LIKE; see <see cref="CatalogTags"/>.</summary>
    public string Tags { get; set; } = "";

    // The rights and consent record (DESIGN §2): who holds the rights, under which licence or consent, until when,
    // and which projects may use the item.
    public string RightsHolder { get; set; } = "";
    public string LicenceNote { get; set; } = "";
    public DateTime? RightsExpireAt { get; set; }
    public bool AvailableToAllProjects { get; set; } = true;
    public List<CatalogItemProject> AllowedProjects { get; set; } = [];
}

/// <summary>A project allowed to use an item whose rights do not cover all projects.</summary>
public class CatalogItemProject
{
    public Guid CatalogItemId { get; set; }
    public Guid ProjectId { get; set; }
}

/// <summary>One change of an item's rights record or availability, kept for the item page's rights history.</summary>
public class CatalogRightsChange
{
    public const int TextMaxLength = 4000;

    public long Id { get; set; }
    public Guid CatalogItemId { get; set; }
    public DateTime At { get; set; }
    public string ByUserId { get; set; } = "";
    public string ByName { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? Before { get; set; }
    public string After { get; set; } = "";
}

/// <summary>How tags are kept in one column.</summary>
public static class CatalogTags
{
    public const int MaxTags = 12;
    public const int TagMaxLength = 30;
    public const int ColumnMaxLength = 400;

    public static string Join(IEnumerable<string> tags)
    {
        var list = Normalize(tags);
        return list.Count == 0 ? "" : "|" + string.Join('|', list) + "|";
    }

    public static IReadOnlyList<string> Split(string stored) =>
        stored.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static List<string> Normalize(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim().ToLowerInvariant().Replace('|', ' ')).Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal).ToList();
}
