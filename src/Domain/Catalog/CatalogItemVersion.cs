namespace VideoHub.Domain.Catalog;

/// <summary>One source clip of a catalog item, stored under internal ids, with its probed facts and poster.</summary>
public class CatalogItemVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CatalogItemId { get; set; }
    public int Number { get; set; }
    public string ClipKey { get; set; } = "";
    public string PosterKey { get; set; } = "";
    public double DurationSeconds { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
    public string Sha256 { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public List<CatalogRegistration> Registrations { get; set; } = [];
}

public enum CatalogRegistrationStatus { Pending, Registered, Failed }

/// <summary>A catalog item version as registered with one provider (<c>POST /videos/characters</c>).</summary>
public class CatalogRegistration
{
    public const int ErrorMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CatalogItemVersionId { get; set; }
    public string ProviderId { get; set; } = "";
    public CatalogRegistrationStatus Status { get; set; }
    public string? ProviderCharacterId { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A catalog item a render request uses, pinned to the exact version it was rendered with.</summary>
public class RenderRequestCatalogItem
{
    public Guid RenderRequestId { get; set; }
    public Guid CatalogItemId { get; set; }
    public Guid CatalogItemVersionId { get; set; }
    /// <summary>The item's name as the prompt used it when the request was made.</summary>
    public string Name { get; set; } = "";
    /// <summary>The provider's character id sent with the request, if it was registered.</summary>
    public string? ProviderCharacterId { get; set; }
}
