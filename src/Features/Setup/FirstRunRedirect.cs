namespace VideoHub.Features.Setup;

/// <summary>On an install without users, sends every page request to /setup.</summary>
public static class FirstRunRedirect
{
    public const string SetupPath = "/setup";

    private static readonly string[] ExemptPrefixes = ["/setup", "/healthz", "/_framework", "/_content", "/_blazor", "/Error", "/not-found"];

    public static IApplicationBuilder UseFirstRunSetup(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsExempt(context.Request.Path)
                && await context.RequestServices.GetRequiredService<SetupState>().IsSetupNeededAsync(context.RequestAborted))
            {
                context.Response.Redirect(context.Request.PathBase + SetupPath);
                return;
            }
            await next(context);
        });

    /// <summary>Framework files, static assets (a file name with an extension) and the setup page itself.</summary>
    public static bool IsExempt(PathString path)
    {
        foreach (var prefix in ExemptPrefixes)
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        var value = path.Value ?? "";
        var lastSegment = value[(value.LastIndexOf('/') + 1)..];
        return Path.HasExtension(lastSegment);
    }
}
