using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Gallery;

/// <summary>One card of the grid: only what the card shows.</summary>
public sealed record GalleryCard(Guid Id, Guid ProjectId, string ProjectName, string Model, string Prompt, double DurationSeconds,
    int Width, int Height, ReviewState ReviewState, bool IsPicked, bool IsFavourite, DateTime CreatedAt, bool HasSpritesheet)
{
    public string AspectLabel => Width <= 0 || Height <= 0 ? "?" : Width == Height ? "1:1" : Width > Height ? "landscape" : "portrait";
    public string SizeLabel => $"{Width}×{Height}";
    public string DurationLabel => TimeSpan.FromSeconds(DurationSeconds).ToString(DurationSeconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss");
}

/// <summary>A keyset page: the cards and the cursor of the next page (null at the end).</summary>
public sealed record GalleryPage(IReadOnlyList<GalleryCard> Items, string? NextCursor);

public sealed record GalleryOption(string Value, string Label);

/// <summary>The choices the filter bar offers: only projects, models, authors and items the user can see.</summary>
public sealed record GalleryChoices(IReadOnlyList<GalleryOption> Projects, IReadOnlyList<string> Models,
    IReadOnlyList<GalleryOption> Authors, IReadOnlyList<GalleryOption> CatalogItems);
