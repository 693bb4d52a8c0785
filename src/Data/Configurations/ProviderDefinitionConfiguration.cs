using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Providers;

namespace VideoHub.Data.Configurations;

public sealed class ProviderDefinitionConfiguration : IEntityTypeConfiguration<ProviderDefinition>
{
    public void Configure(EntityTypeBuilder<ProviderDefinition> e)
    {
        e.Property(p => p.Id).HasMaxLength(ProviderDefinition.IdMaxLength);
        e.Property(p => p.Name).HasMaxLength(ProviderDefinition.NameMaxLength).IsRequired();
        e.Property(p => p.Kind).HasMaxLength(40).IsRequired();
        e.Property(p => p.BaseUrl).HasMaxLength(2000);
        // Data Protection payloads; the plain secrets are never stored.
        e.Property(p => p.ApiKeyProtected).HasMaxLength(4000);
        e.Property(p => p.WebhookSecretProtected).HasMaxLength(4000);
        e.Ignore(p => p.HasApiKey);
        e.Ignore(p => p.HasWebhookSecret);
        e.HasMany(p => p.Models).WithOne().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProviderModelProfileConfiguration : IEntityTypeConfiguration<ProviderModelProfile>
{
    public void Configure(EntityTypeBuilder<ProviderModelProfile> e)
    {
        e.Property(m => m.ProviderId).HasMaxLength(ProviderDefinition.IdMaxLength);
        e.Property(m => m.Model).HasMaxLength(ProviderModelProfile.ModelMaxLength).IsRequired();
        e.HasIndex(m => new { m.ProviderId, m.Model }).IsUnique();
        e.Property(m => m.Operations).HasConversion<int>();
        // A handful of sizes per model, always read and edited together: one JSON column is enough.
        e.OwnsMany(m => m.Sizes, s =>
        {
            s.ToJson();
            s.Property(x => x.Size).HasMaxLength(20);
        });
    }
}

public sealed class ProviderWebhookDeliveryConfiguration : IEntityTypeConfiguration<ProviderWebhookDelivery>
{
    public void Configure(EntityTypeBuilder<ProviderWebhookDelivery> e)
    {
        e.Property(d => d.ProviderId).HasMaxLength(ProviderDefinition.IdMaxLength).IsRequired();
        e.Property(d => d.WebhookId).HasMaxLength(ProviderWebhookDelivery.WebhookIdMaxLength).IsRequired();
        e.Property(d => d.EventType).HasMaxLength(100);
        e.Property(d => d.ObjectId).HasMaxLength(200);
        e.HasIndex(d => new { d.ProviderId, d.WebhookId }).IsUnique();
        // The render sweep looks for unprocessed deliveries of a provider's video.
        e.HasIndex(d => new { d.ProcessedAt, d.ProviderId, d.ObjectId });
    }
}
