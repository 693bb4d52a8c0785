using Microsoft.AspNetCore.Mvc;
using VideoHub.Media;

namespace VideoHub.Features.Gallery.Sharing;

/// <summary>The anonymous side of share links: their media (every variant, one check) and the password form's post.</summary>
public static class ShareEndpoints
{
    public const string MediaRoute = "/share/{token}/media/{videoId:guid}/{variant}";
    public const string UnlockRoute = "/share/{token}/unlock";

    public static IEndpointRouteBuilder MapShareEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MediaRoute, ServeMediaAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(UnlockRoute, UnlockAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ServeMediaAsync(string token, Guid videoId, string variant, HttpContext http,
        ShareAccess access, MediaDelivery delivery, CancellationToken ct)
    {
        if (!MediaVariants.TryParse(variant, out var kind)) return Results.NotFound();
        var take = await access.MediaTakeAsync(token, http.Request.Cookies[ShareAccess.CookieName], videoId, ct);
        return take is null ? Results.NotFound() : await delivery.ServeAsync(http, take, kind, ct);
    }

    private static async Task<IResult> UnlockAsync(string token, [FromForm] string? password, HttpContext http, ShareAccess access,
        TimeProvider clock, CancellationToken ct)
    {
        var result = await access.UnlockAsync(token, password, ct);
        var page = $"/share/{token}";
        switch (result.Outcome)
        {
            case UnlockOutcome.Unlocked:
                http.Response.Cookies.Append(ShareAccess.CookieName, result.CookieValue!,
                    access.CookieOptionsFor(token, clock.GetUtcNow().UtcDateTime.AddDays(1), http.Request.IsHttps));
                return Results.Redirect(page);
            case UnlockOutcome.WrongPassword:
                return Results.Redirect(page + "?error=wrong");
            case UnlockOutcome.TooManyAttempts:
                http.Response.Headers.RetryAfter = ((int)SharePasswordLimiter.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Text("Too many wrong passwords for this link. Try again in a few minutes.", "text/plain", statusCode: StatusCodes.Status429TooManyRequests);
            default:
                return Results.NotFound();
        }
    }
}
