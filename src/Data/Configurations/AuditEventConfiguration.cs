using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Audit;

namespace VideoHub.Data.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.Property(a => a.ActorId).HasMaxLength(450);
        e.Property(a => a.ActorName).HasMaxLength(256);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.EntityType).HasMaxLength(64);
        e.Property(a => a.EntityId).HasMaxLength(450);
        e.Property(a => a.Summary).HasMaxLength(1000);
        e.Property(a => a.IpAddress).HasMaxLength(64);
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.Action, a.At });
        e.HasIndex(a => new { a.ProjectId, a.At });
        e.HasIndex(a => new { a.ActorId, a.At });
    }
}
