using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using VideoHub.Data;

namespace VideoHub.Account;

/// <summary>Adds the display name to the sign-in cookie, so the app bar can greet people by name without a query.</summary>
public sealed class VideoHubClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "videohub:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.Label));
        return identity;
    }
}
