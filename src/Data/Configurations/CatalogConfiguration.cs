using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;

namespace VideoHub.Data.Configurations;

public sealed class CatalogItemConfiguration : IEntityTypeConfiguration<CatalogItem>
{
    public void Configure(EntityTypeBuilder<CatalogItem> e)
    {
        e.Property(i => i.Name).HasMaxLength(CatalogItem.NameMaxLength).IsRequired();
        e.Property(i => i.NormalizedName).HasMaxLength(CatalogItem.NameMaxLength).IsRequired();
        e.HasIndex(i => i.NormalizedName).IsUnique();
        e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Description).HasMaxLength(CatalogItem.DescriptionMaxLength);
        e.Property(i => i.OwnerId).HasMaxLength(450).IsRequired();
        e.Property(i => i.OwnerName).HasMaxLength(256).IsRequired();
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.CatalogItemId).OnDelete(DeleteBehavior.Cascade);
        e.Property(i => i.Tags).HasMaxLength(CatalogTags.ColumnMaxLength);
        e.Property(i => i.RightsHolder).HasMaxLength(CatalogItem.RightsHolderMaxLength);
        e.Property(i => i.LicenceNote).HasMaxLength(CatalogItem.LicenceNoteMaxLength);
        e.HasIndex(i => new { i.IsRetired, i.Name });
    }
}

public sealed class CatalogItemVersionConfiguration : IEntityTypeConfiguration<CatalogItemVersion>
{
    public void Configure(EntityTypeBuilder<CatalogItemVersion> e)
    {
        e.HasIndex(v => new { v.CatalogItemId, v.Number }).IsUnique();
        e.Property(v => v.ClipKey).HasMaxLength(300).IsRequired();
        e.Property(v => v.PosterKey).HasMaxLength(300);
        e.Property(v => v.Sha256).HasMaxLength(64);
        e.Property(v => v.CreatedBy).HasMaxLength(256);
        e.HasMany(v => v.Registrations).WithOne().HasForeignKey(r => r.CatalogItemVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CatalogRegistrationConfiguration : IEntityTypeConfiguration<CatalogRegistration>
{
    public void Configure(EntityTypeBuilder<CatalogRegistration> e)
    {
        e.HasOne<ProviderDefinition>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.CatalogItemVersionId, r.ProviderId }).IsUnique();
        e.HasIndex(r => new { r.Status, r.NextAttemptAt });
        e.Property(r => r.ProviderId).HasMaxLength(ProviderDefinition.IdMaxLength);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.ProviderCharacterId).HasMaxLength(200);
        e.Property(r => r.Error).HasMaxLength(CatalogRegistration.ErrorMaxLength);
    }
}

public sealed class RenderRequestCatalogItemConfiguration : IEntityTypeConfiguration<RenderRequestCatalogItem>
{
    public void Configure(EntityTypeBuilder<RenderRequestCatalogItem> e)
    {
        e.HasKey(x => new { x.RenderRequestId, x.CatalogItemId });
        e.HasOne<RenderRequest>().WithMany().HasForeignKey(x => x.RenderRequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CatalogItem>().WithMany().HasForeignKey(x => x.CatalogItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CatalogItemVersion>().WithMany().HasForeignKey(x => x.CatalogItemVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.CatalogItemVersionId);
        e.HasIndex(x => x.CatalogItemId);
        e.Property(x => x.Name).HasMaxLength(CatalogItem.NameMaxLength).IsRequired();
        e.Property(x => x.ProviderCharacterId).HasMaxLength(200);
    }
}

public sealed class CatalogItemProjectConfiguration : IEntityTypeConfiguration<CatalogItemProject>
{
    public void Configure(EntityTypeBuilder<CatalogItemProject> e)
    {
        e.HasKey(x => new { x.CatalogItemId, x.ProjectId });
        e.HasOne<CatalogItem>().WithMany(i => i.AllowedProjects).HasForeignKey(x => x.CatalogItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ProjectId);
    }
}

public sealed class CatalogRightsChangeConfiguration : IEntityTypeConfiguration<CatalogRightsChange>
{
    public void Configure(EntityTypeBuilder<CatalogRightsChange> e)
    {
        e.HasOne<CatalogItem>().WithMany().HasForeignKey(x => x.CatalogItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CatalogItemId, x.At });
        e.Property(x => x.ByUserId).HasMaxLength(450);
        e.Property(x => x.ByName).HasMaxLength(256);
        e.Property(x => x.Summary).HasMaxLength(1000);
        e.Property(x => x.Before).HasMaxLength(CatalogRightsChange.TextMaxLength);
        e.Property(x => x.After).HasMaxLength(CatalogRightsChange.TextMaxLength);
    }
}
