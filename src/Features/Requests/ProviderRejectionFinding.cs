using VideoHub.Domain.Policy;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Policy;
using VideoHub.Features.Rendering;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Providers;

namespace VideoHub.Features.Requests;

/// <summary>
/// A provider's refusal of a request (stored as rejected_by_provider with its code and message) in the pre-check's
/// finding shape, through the same mapping the pre-check uses for provider errors.
/// </summary>
public static class ProviderRejectionFinding
{
    /// <summary>The finding, or null when the request was not refused by its provider.</summary>
    public static PolicyFinding? For(RenderRequestView request, string providerName = "The provider")
    {
        if (request.FailureReason != RenderFailureReason.RejectedByProvider) return null;
        var error = new ProviderError(ProviderRejectionCodes.KindOf(request.ProviderErrorCode), request.ProviderMessage ?? "",
            request.ProviderErrorParam, request.ProviderErrorCode);
        return PolicyFindings.FromProviderError(error, providerName);
    }
}
