using System.Globalization;
using MudBlazor;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Requests;

/// <summary>Plain words and colours for states, failures and findings, shared by the request pages.</summary>
public static class RequestText
{
    public static string Usd(decimal amount) => "$" + amount.ToString("N2", CultureInfo.InvariantCulture);

    public static bool IsFinished(RenderState s) =>
        s is RenderState.Ready or RenderState.Failed or RenderState.Cancelled or RenderState.Rejected or RenderState.Blocked;

    public static bool IsActive(RenderState s) =>
        s is RenderState.Queued or RenderState.Submitting or RenderState.Rendering or RenderState.Downloading;

    public static string Label(RenderState s) => s switch
    {
        RenderState.AwaitingApproval => "Awaiting approval",
        _ => s.ToString(),
    };

    public static Color ColorOf(RenderState s) => s switch
    {
        RenderState.Ready => Color.Success,
        RenderState.Failed or RenderState.Blocked or RenderState.Rejected => Color.Error,
        RenderState.AwaitingApproval => Color.Warning,
        RenderState.Cancelled or RenderState.Draft => Color.Default,
        _ => Color.Info,
    };

    public static string Explain(RenderFailureReason reason) => reason switch
    {
        RenderFailureReason.BlockedByPolicy => "The pre-check blocked this request, so nothing was sent or spent.",
        RenderFailureReason.RejectedByProvider => "The provider refused this request, usually because of its content policy.",
        RenderFailureReason.ProviderFailed => "The provider could not finish the render.",
        RenderFailureReason.DownloadFailed => "The render finished, but VideoHub could not download the video.",
        RenderFailureReason.Expired => "The provider's copy expired before VideoHub could download it.",
        RenderFailureReason.Cancelled => "This request was cancelled.",
        RenderFailureReason.TimedOut => "The provider took too long, so VideoHub gave up waiting.",
        _ => "The render failed.",
    };

    public static string Category(FindingCategory c) => c switch
    {
        FindingCategory.CopyrightedCharacter => "Copyrighted character",
        FindingCategory.CopyrightedMusic => "Copyrighted music",
        FindingCategory.RealPerson => "Real person",
        FindingCategory.NotForMinors => "Not for under-18s",
        FindingCategory.ImageReference => "Image reference",
        _ => c.ToString(),
    };

    public static string Aspect(string size) =>
        Domain.Projects.VideoSize.TryParse(size, out var s) ? s.Value.Aspect : "";
}
