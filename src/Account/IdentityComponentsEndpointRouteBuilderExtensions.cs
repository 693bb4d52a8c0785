using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace VideoHub.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>The form posts the static Identity pages need besides their own handlers.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async Task<IResult> (HttpContext context, [FromServices] IAntiforgery antiforgery,
            [FromServices] AccountSignIn accounts) =>
        {
            // The endpoint binds no form field, so nothing else would check the token: no sign-out from another site.
            if (!await antiforgery.IsRequestValidAsync(context)) return TypedResults.BadRequest();
            await accounts.SignOutAsync(context.User);
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        return accountGroup;
    }
}
