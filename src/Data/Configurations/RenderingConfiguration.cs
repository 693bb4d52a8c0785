using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;

namespace VideoHub.Data.Configurations;

public sealed class RenderRequestConfiguration : IEntityTypeConfiguration<RenderRequest>
{
    public void Configure(EntityTypeBuilder<RenderRequest> e)
    {
        e.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.Property(r => r.AuthorId).HasMaxLength(450).IsRequired();
        e.Property(r => r.AuthorName).HasMaxLength(256).IsRequired();
        e.Property(r => r.Operation).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Prompt).HasMaxLength(RenderRequest.PromptMaxLength).IsRequired();
        e.Property(r => r.ProviderId).HasMaxLength(ProviderDefinition.IdMaxLength).IsRequired();
        e.Property(r => r.Model).HasMaxLength(ProviderModelProfile.ModelMaxLength).IsRequired();
        e.Property(r => r.Size).HasMaxLength(20).IsRequired();
        e.Property(r => r.ImageReferenceKey).HasMaxLength(300);
        e.Property(r => r.PreCheckJson).IsRequired();
        e.Property(r => r.AcknowledgementReason).HasMaxLength(1000);
        e.Property(r => r.AcknowledgedBy).HasMaxLength(256);
        e.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.FailureReason).HasConversion<string>().HasMaxLength(30);
        e.Property(r => r.ProviderMessage).HasMaxLength(RenderRequest.ProviderMessageMaxLength);
        e.Property(r => r.ProviderErrorCode).HasMaxLength(RenderRequest.ProviderCodeMaxLength);
        e.Property(r => r.ProviderErrorParam).HasMaxLength(RenderRequest.ProviderCodeMaxLength);
        e.Property(r => r.DecisionNote).HasMaxLength(1000);
        e.Property(r => r.ProviderJobId).HasMaxLength(200);
        e.Property(r => r.ClientToken).HasMaxLength(100);
        e.Property(r => r.BatchCustomId).HasMaxLength(64);
        e.HasOne<VideoHub.Domain.Batches.Batch>().WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.BatchId, r.BatchCustomId }).IsUnique();
        e.HasIndex(r => r.ParentVideoId);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasMany(r => r.Events).WithOne().HasForeignKey(v => v.RenderRequestId).OnDelete(DeleteBehavior.Cascade);

        // The sweeps: "rows in this state due by now".
        e.HasIndex(r => new { r.State, r.NextAttemptAt });
        // Per-project lists, newest first, with keyset paging on (CreatedAt, Id).
        e.HasIndex(r => new { r.ProjectId, r.CreatedAt, r.Id });
        e.HasIndex(r => new { r.ProviderId, r.ProviderJobId });
    }
}

public sealed class RenderEventConfiguration : IEntityTypeConfiguration<RenderEvent>
{
    public void Configure(EntityTypeBuilder<RenderEvent> e)
    {
        e.Property(v => v.From).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.To).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.By).HasMaxLength(256).IsRequired();
        e.Property(v => v.Message).HasMaxLength(RenderEvent.MessageMaxLength);
        e.HasIndex(v => new { v.RenderRequestId, v.Id });
    }
}

public sealed class VideoConfiguration : IEntityTypeConfiguration<Video>
{
    public void Configure(EntityTypeBuilder<Video> e)
    {
        e.HasOne<Project>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<RenderRequest>().WithMany().HasForeignKey(v => v.RenderRequestId).OnDelete(DeleteBehavior.Restrict);
        // One take per request: a retried download can never make a second one.
        e.HasIndex(v => v.RenderRequestId).IsUnique();
        // The gallery's keyset walks, one per project and sort order (Features/Gallery/GalleryQueries).
        e.HasIndex(v => new { v.ProjectId, v.CreatedAt, v.Id });
        e.HasIndex(v => new { v.ProjectId, v.DurationSeconds, v.Id });
        e.HasIndex(v => v.StackId);
        e.HasIndex(v => v.ParentVideoId);
        e.Property(v => v.Operation).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.ProviderId).HasMaxLength(ProviderDefinition.IdMaxLength);
        e.Property(v => v.ProviderJobId).HasMaxLength(200);
        e.Property(v => v.Model).HasMaxLength(ProviderModelProfile.ModelMaxLength);
        e.Property(v => v.Prompt).HasMaxLength(RenderRequest.PromptMaxLength);
        e.Property(v => v.VideoKey).HasMaxLength(300).IsRequired();
        e.Property(v => v.ThumbnailKey).HasMaxLength(300);
        e.Property(v => v.SpritesheetKey).HasMaxLength(300);
        e.Property(v => v.VideoCodec).HasMaxLength(40);
        e.Property(v => v.AudioCodec).HasMaxLength(40);
        e.Property(v => v.Sha256).HasMaxLength(64);
        e.Property(v => v.ReviewState).HasConversion<string>().HasMaxLength(20);
    }
}
