namespace VideoHub.Hosting;

public static class SecurityHeaders
{
    // Blazor Server needs 'unsafe-eval'-free scripts but injects inline styles; MudBlazor sets style attributes.
    // No inline script is allowed: every script VideoHub serves is a file under its own origin.
    private const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "media-src 'self' blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>
    /// An HttpContext item holding a per-response nonce: a page that must run a generated inline script (the API
    /// reference) sets it, and only that response allows scripts carrying the nonce.
    /// </summary>
    public const string ScriptNonceItem = "VideoHub.ScriptNonce";

    /// <summary>
    /// The response's script nonce, made on first use. Hex, so it reads the same in the header and in an HTML
    /// attribute. Pages use it for the inline import map Blazor writes for fingerprinted static assets.
    /// </summary>
    public static string ScriptNonce(HttpContext context)
    {
        if (context.Items[ScriptNonceItem] is string nonce) return nonce;
        nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        context.Items[ScriptNonceItem] = nonce;
        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = context.Items[ScriptNonceItem] is string nonce
                    ? ContentSecurityPolicy.Replace("script-src 'self';", $"script-src 'self' 'nonce-{nonce}';", StringComparison.Ordinal)
                    : ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "same-origin";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
