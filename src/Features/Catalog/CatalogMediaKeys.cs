namespace VideoHub.Features.Catalog;

/// <summary>Where a catalog version's files live: internal ids only.</summary>
public static class CatalogMediaKeys
{
    public static string Clip(Guid itemId, Guid versionId, string extension) => $"catalog/{itemId:N}/{versionId:N}/clip{extension}";
    public static string Poster(Guid itemId, Guid versionId) => $"catalog/{itemId:N}/{versionId:N}/poster.jpg";
}
