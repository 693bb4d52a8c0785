using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;

namespace VideoHub.Data.Configurations;

public sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> e)
    {
        e.HasOne<Video>().WithMany().HasForeignKey(d => d.VideoId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(d => new { d.VideoId, d.CreatedAt });
        e.Property(d => d.ReviewerId).HasMaxLength(450).IsRequired();
        e.Property(d => d.ReviewerName).HasMaxLength(256).IsRequired();
        e.Property(d => d.Verdict).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.Note).HasMaxLength(ReviewDecision.NoteMaxLength);
    }
}

public sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> e)
    {
        e.HasOne<Video>().WithMany().HasForeignKey(c => c.VideoId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ReviewComment>().WithMany().HasForeignKey(c => c.ParentCommentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => new { c.VideoId, c.TimeSeconds });
        e.Property(c => c.AuthorId).HasMaxLength(450).IsRequired();
        e.Property(c => c.AuthorName).HasMaxLength(256).IsRequired();
        e.Property(c => c.Body).HasMaxLength(ReviewComment.BodyMaxLength).IsRequired();
        e.Property(c => c.ResolvedBy).HasMaxLength(256);
    }
}

public sealed class ReviewCommentMentionConfiguration : IEntityTypeConfiguration<ReviewCommentMention>
{
    public void Configure(EntityTypeBuilder<ReviewCommentMention> e)
    {
        e.HasKey(m => new { m.CommentId, m.UserId });
        e.HasOne<ReviewComment>().WithMany().HasForeignKey(m => m.CommentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => m.UserId);
        e.Property(m => m.UserId).HasMaxLength(450);
    }
}
