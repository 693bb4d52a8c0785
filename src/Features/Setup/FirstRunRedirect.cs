namespace VideoHub.Features.Setup;

/// <summary>
/// On an install without users, sends every page request to /setup; once a user exists, /setup answers 404 to
/// every method, before any form handling.
/// </summary>
public static class FirstRunRedirect
{
    public const string SetupPath = "/setup";

    // Machine-to-machine paths (the local provider, provider webhooks) work before anyone has signed up.
    private static readonly string[] ExemptPrefixes =
        ["/healthz", "/_framework", "/_content", "/_blazor", "/Error", "/not-found", "/local-provider", "/webhooks"];

    public static IApplicationBuilder UseFirstRunSetup(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var isSetup = path.StartsWithSegments(SetupPath, StringComparison.OrdinalIgnoreCase);
            if (isSetup || !IsExempt(path))
            {
                var needed = await context.RequestServices.GetRequiredService<SetupState>().IsSetupNeededAsync(context.RequestAborted);
                if (isSetup && !needed)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                if (!isSetup && needed)
                {
                    context.Response.Redirect(context.Request.PathBase + SetupPath);
                    return;
                }
            }
            await next(context);
        });

    /// <summary>Framework files, health checks, error pages and static assets (a file name with an extension).</summary>
    public static bool IsExempt(PathString path)
    {
        foreach (var prefix in ExemptPrefixes)
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        var value = path.Value ?? "";
        return Path.HasExtension(value[(value.LastIndexOf('/') + 1)..]);
    }
}
