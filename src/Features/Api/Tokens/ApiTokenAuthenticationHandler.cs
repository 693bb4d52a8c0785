using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VideoHub.Features.Api.Infrastructure;

namespace VideoHub.Features.Api.Tokens;

/// <summary>
/// "Authorization: Bearer vhp_…" for /api/v1 only (its policy names this scheme alone, so the sign-in cookie never
/// authenticates an API call and cross-site requests carry no authority). The principal holds only the user and
/// token ids: endpoints resolve the Actor from the database like every page does.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiTokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "videohub:api_token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("Not a Bearer token.");
        var token = await tokens.AuthenticateAsync(header[7..].Trim(), Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, token.UserId), new Claim(TokenIdClaim, token.Id.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null
            ? "Bearer realm=\"VideoHub API\""
            : "Bearer realm=\"VideoHub API\", error=\"invalid_token\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            result.Failure is null
                ? "Send a personal access token as 'Authorization: Bearer <token>'; create one on your profile's API tokens page."
                : "The token is unknown, revoked or expired, or its user is disabled.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "This token may not do that.");
}
