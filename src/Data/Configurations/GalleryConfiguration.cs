using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Gallery;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;

namespace VideoHub.Data.Configurations;

public sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> e)
    {
        e.Property(c => c.Name).HasMaxLength(Collection.NameMaxLength).IsRequired();
        e.Property(c => c.OwnerId).HasMaxLength(450).IsRequired();
        e.Property(c => c.OwnerName).HasMaxLength(256).IsRequired();
        e.HasIndex(c => new { c.OwnerId, c.UpdatedAt });
        e.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CollectionItemConfiguration : IEntityTypeConfiguration<CollectionItem>
{
    public void Configure(EntityTypeBuilder<CollectionItem> e)
    {
        e.HasKey(i => new { i.CollectionId, i.VideoId });
        e.HasOne<Video>().WithMany().HasForeignKey(i => i.VideoId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(i => i.VideoId);
        e.HasIndex(i => new { i.CollectionId, i.Position });
    }
}

public sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> e)
    {
        e.Property(s => s.TokenHash).HasMaxLength(64).IsRequired();
        e.HasIndex(s => s.TokenHash).IsUnique();
        e.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Video>().WithMany().HasForeignKey(s => s.VideoId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Collection>().WithMany().HasForeignKey(s => s.CollectionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => new { s.ProjectId, s.CreatedAt });
        e.HasIndex(s => new { s.CollectionId, s.CreatedAt });
        e.Property(s => s.Label).HasMaxLength(ShareLink.LabelMaxLength).IsRequired();
        e.Property(s => s.PasswordHash).HasMaxLength(200);
        e.Property(s => s.CreatedById).HasMaxLength(450).IsRequired();
        e.Property(s => s.CreatedByName).HasMaxLength(256).IsRequired();
        e.Property(s => s.RevokedBy).HasMaxLength(256);
    }
}

/// <summary>The gallery's keyset orders: newest first and by duration, each with the id as tie-breaker.</summary>
public sealed class VideoGalleryIndexConfiguration : IEntityTypeConfiguration<Video>
{
    public void Configure(EntityTypeBuilder<Video> e)
    {
        e.HasIndex(v => new { v.CreatedAt, v.Id });
        e.HasIndex(v => new { v.DurationSeconds, v.Id });
    }
}
