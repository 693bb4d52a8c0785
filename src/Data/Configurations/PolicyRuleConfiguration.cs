using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoHub.Domain.Policy;

namespace VideoHub.Data.Configurations;

public sealed class PolicyRuleConfiguration : IEntityTypeConfiguration<PolicyRule>
{
    public void Configure(EntityTypeBuilder<PolicyRule> e)
    {
        e.Property(r => r.Category).HasConversion<string>().HasMaxLength(40);
        e.Property(r => r.Action).HasConversion<string>().HasMaxLength(10);
        e.Property(r => r.Pattern).HasMaxLength(PolicyRule.PatternMaxLength).IsRequired();
        e.Property(r => r.Message).HasMaxLength(PolicyRule.MessageMaxLength).IsRequired();
        e.Property(r => r.SuggestedFix).HasMaxLength(PolicyRule.FixMaxLength);
        e.HasIndex(r => new { r.Category, r.Pattern });
    }
}
