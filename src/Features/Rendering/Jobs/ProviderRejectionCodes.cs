using VideoHub.Providers;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>
/// The code stored with a provider's refusal: the provider's own code when it gave one, otherwise one that says
/// what kind of refusal it was, so the request page can explain it later in the pre-check's finding shape.
/// </summary>
public static class ProviderRejectionCodes
{
    public const string ContentPolicy = "content_policy";
    public const string InvalidRequest = "invalid_request";
    public const string NotFound = "not_found";

    public static string Of(ProviderError error) => error.Kind switch
    {
        ProviderErrorKind.RejectedByPolicy => IsPolicy(error.Code) ? error.Code! : ContentPolicy,
        ProviderErrorKind.NotFound => NotFound,
        _ => string.IsNullOrWhiteSpace(error.Code) || IsPolicy(error.Code) ? InvalidRequest : error.Code,
    };

    /// <summary>The kind of refusal a stored code stands for.</summary>
    public static ProviderErrorKind KindOf(string? code) =>
        IsPolicy(code) ? ProviderErrorKind.RejectedByPolicy
        : code == NotFound ? ProviderErrorKind.NotFound
        : ProviderErrorKind.InvalidRequest;

    public static bool IsPolicy(string? code) =>
        code is not null && (code.Contains("moderation", StringComparison.OrdinalIgnoreCase)
                             || code.Contains("content_policy", StringComparison.OrdinalIgnoreCase)
                             || code.Contains("content_filter", StringComparison.OrdinalIgnoreCase));
}
