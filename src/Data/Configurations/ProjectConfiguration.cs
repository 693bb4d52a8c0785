using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Projects;

namespace VideoHub.Data.Configurations;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> e)
    {
        e.Property(p => p.Name).HasMaxLength(Project.NameMaxLength).IsRequired();
        // Names are unique regardless of case; NameKey is the normalised form.
        e.Property(p => p.NameKey).HasMaxLength(Project.NameMaxLength).IsRequired();
        e.HasIndex(p => p.NameKey).IsUnique();
        e.Property(p => p.Brief).HasMaxLength(Project.BriefMaxLength);
        e.Property(p => p.CreatedById).HasMaxLength(450);
        e.OwnsOne(p => p.Settings, s =>
        {
            s.Property(x => x.DefaultModel).HasMaxLength(100).HasColumnName("DefaultModel");
            s.Property(x => x.DefaultSize).HasMaxLength(20).HasColumnName("DefaultSize");
            s.Property(x => x.DefaultSeconds).HasColumnName("DefaultSeconds");
            s.Property(x => x.MonthlyBudgetUsd).HasColumnName("MonthlyBudgetUsd");
            s.Property(x => x.ApprovalThresholdUsd).HasColumnName("ApprovalThresholdUsd");
            s.Property(x => x.ApprovalsRequired).HasColumnName("ApprovalsRequired");
        });
        e.Navigation(p => p.Settings).IsRequired();
        e.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(p => p.IsArchived);
    }
}
