using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoHub.Account;
using VideoHub.Data;
using VideoHub.Domain.Users;

namespace VideoHub.Hosting;

public static class IdentitySetup
{
    /// <summary>How often a signed-in session is checked against the database (disabled users end within this).</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    public static void AddVideoHubIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<UserPreferences>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "VideoHub.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Forbidden answers exactly like "not found" (re-executed to /not-found), so it reveals nothing.
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status404NotFound; return Task.CompletedTask; };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidationInterval);

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                // OWASP ASVS 5: length, not composition.
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<VideoHubClaimsFactory>()
            .AddEntityFrameworkStores<VideoHubDbContext>()
            .AddSignInManager<VideoHubSignInManager>()
            .AddDefaultTokenProviders();
        // PasswordRules replaces Identity's own length check, so each broken rule gives one clear message.
        services.RemoveAll<IPasswordValidator<ApplicationUser>>();
        services.AddScoped<IPasswordValidator<ApplicationUser>, PasswordRules>();

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
    }
}
