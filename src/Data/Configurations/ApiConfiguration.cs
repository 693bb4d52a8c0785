using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Api;
using VideoHub.Domain.Projects;

namespace VideoHub.Data.Configurations;

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.HasIndex(t => new { t.UserId, t.CreatedAt });
        e.Property(t => t.UserId).HasMaxLength(450).IsRequired();
        e.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength).IsRequired();
        e.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        e.Property(t => t.Prefix).HasMaxLength(20).IsRequired();
        e.Property(t => t.RevokedBy).HasMaxLength(256);
    }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        e.HasIndex(r => r.CreatedAt);
        e.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        e.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength).IsRequired();
        e.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        e.Property(r => r.Location).HasMaxLength(400);
    }
}

public sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> e)
    {
        e.HasOne<Project>().WithMany().HasForeignKey(w => w.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(w => w.ProjectId);
        e.Property(w => w.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength).IsRequired();
        e.Property(w => w.Description).HasMaxLength(200).IsRequired();
        e.Property(w => w.Events).HasMaxLength(400).IsRequired();
        e.Property(w => w.ProtectedSecret).HasMaxLength(1000).IsRequired();
        e.Property(w => w.DisabledReason).HasMaxLength(400);
        e.Property(w => w.CreatedById).HasMaxLength(450).IsRequired();
        e.Ignore(w => w.EventList);
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(d => new { d.State, d.NextAttemptAt });
        e.HasIndex(d => new { d.EndpointId, d.CreatedAt });
        e.Property(d => d.MessageId).HasMaxLength(64).IsRequired();
        e.Property(d => d.EventType).HasMaxLength(60).IsRequired();
        e.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.ResponseBody).HasMaxLength(WebhookDelivery.ResponseMaxLength);
        e.Property(d => d.Error).HasMaxLength(1000);
    }
}

public sealed class WebhookAllowedHostConfiguration : IEntityTypeConfiguration<WebhookAllowedHost>
{
    public void Configure(EntityTypeBuilder<WebhookAllowedHost> e)
    {
        e.HasIndex(h => h.Host).IsUnique();
        e.Property(h => h.Host).HasMaxLength(WebhookAllowedHost.HostMaxLength).IsRequired();
        e.Property(h => h.AddedBy).HasMaxLength(256).IsRequired();
    }
}
