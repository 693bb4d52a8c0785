using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Projects;

namespace VideoHub.Data.Configurations;

public sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> e)
    {
        e.HasKey(m => new { m.ProjectId, m.UserId });
        e.HasIndex(m => m.UserId);
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
