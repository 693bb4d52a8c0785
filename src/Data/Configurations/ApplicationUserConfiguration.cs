using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VideoHub.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
        e.Ignore(u => u.IsDisabled);
        e.Ignore(u => u.Label);
    }
}
