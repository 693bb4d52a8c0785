using System.Globalization;
using MudBlazor;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Lineage;

/// <summary>Plain words for operations, review states and lengths on the lineage pages.</summary>
public static class LineageText
{
    public static string Edge(RenderOperation op) => op switch
    {
        RenderOperation.Remix => "remixed",
        RenderOperation.Edit => "edited",
        RenderOperation.Extend => "extended",
        RenderOperation.Sequence => "joined",
        _ => "created",
    };

    public static string Review(ReviewState s) => s switch
    {
        ReviewState.ChangesRequested => "Changes requested",
        _ => s.ToString(),
    };

    public static Color ReviewColor(ReviewState s) => s switch
    {
        ReviewState.Approved => Color.Success,
        ReviewState.ChangesRequested => Color.Warning,
        ReviewState.Rejected => Color.Error,
        _ => Color.Default,
    };

    public static string Seconds(double s) => s.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    public static string Short(string prompt, int max = 70) =>
        prompt.Length <= max ? prompt : prompt[..(max - 1)].TrimEnd() + "…";
}
