using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Data;
using VideoHub.Domain.Notifications;

namespace VideoHub.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The bell: "my unread, newest first".
        e.HasIndex(n => new { n.UserId, n.ReadAt, n.Id });
        e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired();
        e.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        e.Property(n => n.Link).HasMaxLength(400).IsRequired();
    }
}
