using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace VideoHub.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>The form posts the static Identity pages need besides their own handlers.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");

        // The endpoint binds no form field, so it asks UseAntiforgery for the token check explicitly.
        accountGroup.MapPost("/Logout", async (HttpContext context, [FromServices] AccountSignIn accounts) =>
        {
            await accounts.SignOutAsync(context.User);
            return TypedResults.LocalRedirect("~/Account/Login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        return accountGroup;
    }
}
