using VideoHub.Domain.Policy;
using VideoHub.Providers;

namespace VideoHub.Features.Policy;

/// <summary>Maps a provider's answers onto the pre-check's finding shape, so the user sees one kind of answer.</summary>
public static class PolicyFindings
{
    private const FindingCategory Category = FindingCategory.Provider;

    public static PolicyFinding FromProviderError(ProviderError error, string providerName = "The provider")
    {
        var said = string.IsNullOrWhiteSpace(error.Message) ? "" : $" It said: “{error.Message.Trim()}”";
        if (error.Kind == ProviderErrorKind.RejectedByPolicy || IsModeration(error.Code))
            return PolicyFinding.Block(Category, $"{providerName}'s content policy refused this request.{said}",
                "Change the prompt or the image reference so that it describes original, suitable content.");
        return error.Kind switch
        {
            ProviderErrorKind.InvalidRequest => PolicyFinding.Block(Category,
                $"{providerName} did not accept {FieldName(error.Param)}.{said}", FixFor(error.Param)),
            ProviderErrorKind.Unauthorized => PolicyFinding.Block(Category,
                $"VideoHub could not sign in to {providerName}.", "Ask an administrator to check the provider's API key."),
            ProviderErrorKind.NotFound => PolicyFinding.Block(Category,
                $"{providerName} does not know the video or model this request refers to.{said}"),
            ProviderErrorKind.RateLimited => PolicyFinding.Warn(Category,
                $"{providerName} is busy right now; the request will be sent again shortly."),
            ProviderErrorKind.ProtocolError => PolicyFinding.Block(Category,
                $"{providerName} gave an answer VideoHub does not understand.", "Ask an administrator to check the provider's address."),
            _ => PolicyFinding.Warn(Category,
                $"{providerName} could not be reached or failed; the request will be tried again.{said}"),
        };
    }

    private static bool IsModeration(string? code) =>
        code is not null && (code.Contains("moderation", StringComparison.OrdinalIgnoreCase)
                             || code.Contains("content_policy", StringComparison.OrdinalIgnoreCase));

    private static string FieldName(string? param) => param?.ToLowerInvariant() switch
    {
        null or "" => "the request",
        "prompt" => "the prompt",
        "size" => "the size",
        "seconds" => "the length in seconds",
        "model" => "the model",
        "input_reference" or "image_reference" or "input_image" => "the image reference",
        var p when p.StartsWith("character", StringComparison.Ordinal) => "the characters",
        var p => $"the value of “{p}”",
    };

    private static string? FixFor(string? param) => param?.ToLowerInvariant() switch
    {
        "prompt" => "Rephrase or shorten the prompt.",
        "size" => "Choose a size the model offers.",
        "seconds" => "Choose a length the model offers.",
        "model" => "Choose another model.",
        "input_reference" or "image_reference" or "input_image" => "Use a JPEG, PNG or WebP image of exactly the video's size.",
        _ => null,
    };
}
