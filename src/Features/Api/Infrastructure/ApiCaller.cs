using System.Reflection;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using VideoHub.Account;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Features.Api.Tokens;

namespace VideoHub.Features.Api.Infrastructure;

/// <summary>
/// The user behind the Bearer token, resolved from the database exactly as <see cref="CurrentUser"/> does for pages,
/// so a changed role or a disabled account applies to the very next call. Null Actor: the user is gone or disabled.
/// </summary>
public sealed class ApiCaller
{
    public Actor? Actor { get; private init; }
    public Guid TokenId { get; private init; }

    public Actor Require() => Actor ?? throw new InvalidOperationException("The API filter lets no call without an actor through.");

    public static async ValueTask<ApiCaller> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var dbFactory = http.RequestServices.GetRequiredService<IDbContextFactory<VideoHubDbContext>>();
        var actor = await CurrentUser.ResolveAsync(dbFactory, http.User, http.RequestAborted);
        _ = Guid.TryParse(http.User.FindFirstValue(ApiTokenAuthenticationHandler.TokenIdClaim), out var tokenId);
        return new ApiCaller { Actor = actor, TokenId = tokenId };
    }
}

/// <summary>
/// Around every /api/v1 endpoint: answers stay JSON (no re-executed HTML error pages), a caller whose user is gone
/// gets 401, and an unexpected exception becomes a 500 problem without details.
/// </summary>
public sealed class ApiEndpointFilter(ILogger<ApiEndpointFilter> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        if (context.Arguments.OfType<ApiCaller>().FirstOrDefault() is { Actor: null })
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Authentication required",
                "The token's user is disabled or no longer exists.");
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            log.LogError(ex, "API call {Method} {Path} failed", http.Request.Method, http.Request.Path);
            return ApiProblems.Problem(StatusCodes.Status500InternalServerError, "Something went wrong",
                "The server could not complete this call; nothing secret is shown here. Try again later.");
        }
    }
}
