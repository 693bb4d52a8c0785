using Microsoft.AspNetCore.Identity;

namespace VideoHub.Data;

public class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 80;

    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when an admin disables the account; sign-in is refused and open sessions end.</summary>
    public DateTime? DisabledAt { get; set; }
    /// <summary>Null follows the browser's preference.</summary>
    public bool? PrefersDarkMode { get; set; }

    public bool IsDisabled => DisabledAt is not null;
    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? UserName ?? Email ?? Id : DisplayName;
}
