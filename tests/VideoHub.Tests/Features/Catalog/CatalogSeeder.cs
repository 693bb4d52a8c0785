using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Catalog;
using VideoHub.Features.Catalog;
using VideoHub.Media;

namespace VideoHub.Tests.Features.Catalog;

/// <summary>A catalog item written straight to the database and media storage, for tests of what reads or serves it.</summary>
public static class CatalogSeeder
{
    public static async Task<CatalogItem> SeedAsync(IServiceProvider services, string ownerId, string name, byte[] clip, byte[] poster,
        Action<CatalogItem>? configure = null)
    {
        var storage = services.GetRequiredService<IMediaStorage>();
        var now = DateTime.UtcNow;
        var item = new CatalogItem
        {
            Name = name, NormalizedName = name.ToUpperInvariant(), OwnerId = ownerId, OwnerName = "seed", RightsHolder = "Seed Studio",
            CreatedAt = now, UpdatedAt = now,
        };
        var version = new CatalogItemVersion { CatalogItemId = item.Id, Number = 1, DurationSeconds = 3, Width = 1280, Height = 720, CreatedAt = now };
        version.ClipKey = await WriteAsync(storage, CatalogMediaKeys.Clip(item.Id, version.Id, ".mp4"), clip);
        version.PosterKey = await WriteAsync(storage, CatalogMediaKeys.Poster(item.Id, version.Id), poster);
        version.Bytes = clip.Length;
        item.Versions.Add(version);
        item.CurrentVersionId = version.Id;
        item.CurrentVersionNumber = 1;
        configure?.Invoke(item);
        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        db.CatalogItems.Add(item);
        await db.SaveChangesAsync();
        return item;
    }

    private static async Task<string> WriteAsync(IMediaStorage storage, string key, byte[] content)
    {
        await using var write = storage.BeginWrite(key);
        await write.Stream.WriteAsync(content);
        await write.CommitAsync();
        return key;
    }
}
