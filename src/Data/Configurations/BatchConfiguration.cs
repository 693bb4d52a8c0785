using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;

namespace VideoHub.Data.Configurations;

public sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> e)
    {
        e.HasOne<Project>().WithMany().HasForeignKey(b => b.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(b => new { b.ProjectId, b.CreatedAt });
        e.HasIndex(b => new { b.Status, b.NextPollAt });
        e.Property(b => b.Name).HasMaxLength(Batch.NameMaxLength).IsRequired();
        e.Property(b => b.Mode).HasConversion<string>().HasMaxLength(20);
        e.Property(b => b.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(b => b.CreatedById).HasMaxLength(450).IsRequired();
        e.Property(b => b.CreatedByName).HasMaxLength(256).IsRequired();
        e.Property(b => b.ProviderId).HasMaxLength(ProviderDefinition.IdMaxLength);
        e.Property(b => b.ProviderInputFileId).HasMaxLength(200);
        e.Property(b => b.ProviderBatchId).HasMaxLength(200);
        e.Property(b => b.ProviderStatus).HasMaxLength(40);
        e.Property(b => b.ProviderOutputFileId).HasMaxLength(200);
        e.Property(b => b.ProviderError).HasMaxLength(2000);
        e.Property(b => b.DecisionNote).HasMaxLength(1000);
        e.Property(b => b.AcknowledgementReason).HasMaxLength(1000);
        e.Property(b => b.Version).IsConcurrencyToken();
    }
}

public sealed class BatchRowConfiguration : IEntityTypeConfiguration<BatchRow>
{
    public void Configure(EntityTypeBuilder<BatchRow> e)
    {
        e.HasOne<Batch>().WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<RenderRequest>().WithMany().HasForeignKey(r => r.RenderRequestId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.BatchId, r.CustomId }).IsUnique();
        e.HasIndex(r => new { r.BatchId, r.LineNumber });
        e.HasIndex(r => r.RenderRequestId);
        e.Property(r => r.CustomId).HasMaxLength(BatchRow.CustomIdMaxLength).IsRequired();
    }
}
