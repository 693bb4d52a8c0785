using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Lineage;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;

namespace VideoHub.Data.Configurations;

public sealed class StoryboardConfiguration : IEntityTypeConfiguration<Storyboard>
{
    public void Configure(EntityTypeBuilder<Storyboard> e)
    {
        e.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => new { s.ProjectId, s.CreatedAt });
        e.Property(s => s.Name).HasMaxLength(Storyboard.NameMaxLength).IsRequired();
        e.Property(s => s.ProviderId).HasMaxLength(ProviderDefinition.IdMaxLength).IsRequired();
        e.Property(s => s.Model).HasMaxLength(ProviderModelProfile.ModelMaxLength).IsRequired();
        e.Property(s => s.Size).HasMaxLength(20).IsRequired();
        e.Property(s => s.CreatedById).HasMaxLength(450).IsRequired();
        e.Property(s => s.CreatedByName).HasMaxLength(256).IsRequired();
        e.HasOne<Batch>().WithMany().HasForeignKey(s => s.BatchId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Video>().WithMany().HasForeignKey(s => s.SequenceVideoId).OnDelete(DeleteBehavior.SetNull);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasMany(s => s.Shots).WithOne().HasForeignKey(s => s.StoryboardId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoryboardShotConfiguration : IEntityTypeConfiguration<StoryboardShot>
{
    public void Configure(EntityTypeBuilder<StoryboardShot> e)
    {
        e.HasIndex(s => new { s.StoryboardId, s.Position });
        e.Property(s => s.Prompt).HasMaxLength(RenderRequest.PromptMaxLength).IsRequired();
        e.Property(s => s.ImageReferenceKey).HasMaxLength(300);
        e.HasOne<RenderRequest>().WithMany().HasForeignKey(s => s.RenderRequestId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class SequencePartConfiguration : IEntityTypeConfiguration<SequencePart>
{
    public void Configure(EntityTypeBuilder<SequencePart> e)
    {
        e.HasKey(p => new { p.SequenceVideoId, p.Position });
        e.HasOne<Video>().WithMany().HasForeignKey(p => p.SequenceVideoId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Video>().WithMany().HasForeignKey(p => p.SourceVideoId).OnDelete(DeleteBehavior.Restrict);
        // The lineage query walks from a source take to the sequences that use it.
        e.HasIndex(p => p.SourceVideoId);
    }
}
