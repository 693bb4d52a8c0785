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
}
