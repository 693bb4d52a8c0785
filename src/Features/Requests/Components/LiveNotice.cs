using MudBlazor;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Rendering;

namespace VideoHub.Features.Requests.Components;

/// <summary>The snackbar that tells authors their render finished or failed.</summary>
public static class LiveNotice
{
    public static void Announce(ISnackbar snackbar, RenderRequestView r)
    {
        var what = Shorten(r.Prompt);
        if (r.State == RenderState.Ready)
            snackbar.Add($"Your render “{what}” is ready.", Severity.Success);
        else if (r.State == RenderState.Failed)
            snackbar.Add($"Your render “{what}” failed: {(r.FailureReason is { } f ? RequestText.Explain(f) : "")}", Severity.Error);
    }

    private static string Shorten(string prompt) => prompt.Length <= 40 ? prompt : prompt[..40] + "…";
}
