using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using VideoHub.Data;

namespace VideoHub.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>The form posts the static Identity pages need besides their own handlers.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");

        // Antiforgery is validated for form posts by UseAntiforgery.
        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        return accountGroup;
    }
}
