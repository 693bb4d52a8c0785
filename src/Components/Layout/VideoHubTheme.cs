using MudBlazor;

namespace VideoHub.Components.Layout;

public static class VideoHubTheme
{
    private static readonly string[] FontStack = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5B4BDB",
            Secondary = "#E0568A",
            AppbarBackground = "#1E1B3A",
            Background = "#F6F6FB",
            DrawerBackground = "#FFFFFF",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8C7CFF",
            Secondary = "#FF7AA8",
            AppbarBackground = "#15132B",
            Background = "#101018",
            Surface = "#1A1A26",
            DrawerBackground = "#161622",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "232px" },
    };
}
