using MudBlazor;

namespace AleppoDashboard.Web.Components.Layout;

/// <summary>
/// The one design system's settings: colours, type scale and shape, as MudBlazor's theme. MudThemeProvider (in
/// MainLayout) writes them as CSS variables (--mud-palette-*, --mud-typography-*); MudBlazor's components and the
/// project's own stylesheet (css/base.css) read only those variables, so a colour or a size changes here and nowhere else.
/// </summary>
public static class DashboardTheme
{
    /// <summary>The system's own sans-serif: no web font to download before the first paint.</summary>
    static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = Create();

    static MudTheme Create()
    {
        var theme = new MudTheme
        {
            // Every text colour is at least 4.5:1 on its background (WCAG AA, checked by the axe tests).
            PaletteLight = new PaletteLight
            {
                Primary = "#1f5f99",
                PrimaryContrastText = "#ffffff",
                Secondary = "#8a4b08",
                AppbarBackground = "#1d2733",
                AppbarText = "#ffffff",
                Background = "#ffffff",
                Surface = "#ffffff",
                TextPrimary = "#1f2328",
                TextSecondary = "#545b63",
                Info = "#1f5f99",
                Warning = "#8a4b08",
                Error = "#b3261e",
                Success = "#2e6b34",
                TableLines = "#dde1e6",
                TableHover = "#f3f5f8",
                Divider = "#dde1e6",
                LinesDefault = "#c4cad1",
            },
            LayoutProperties = new LayoutProperties
            {
                DefaultBorderRadius = "6px",
                AppbarHeight = "56px",
            },
        };

        // One type scale. Pages use h1 for the title (the theme's H3 size), h2 for sections (H5) and h3 inside them
        // (H6); css/base.css maps plain headings and the .h3–.h6 classes to these variables.
        var t = theme.Typography;
        foreach (var style in new BaseTypography[] { t.Default, t.H1, t.H2, t.H3, t.H4, t.H5, t.H6, t.Subtitle1, t.Subtitle2, t.Body1, t.Body2, t.Button, t.Caption, t.Overline })
            style.FontFamily = SystemFonts;
        t.Default.FontSize = "1rem";
        t.Default.LineHeight = "1.5";
        t.Default.LetterSpacing = "normal";
        Heading(t.H1, "2rem");
        Heading(t.H2, "1.875rem");
        Heading(t.H3, "1.625rem");
        Heading(t.H4, "1.375rem");
        Heading(t.H5, "1.2rem");
        Heading(t.H6, "1rem");
        t.Body1.FontSize = "1rem";
        t.Body1.LineHeight = "1.5";
        t.Body2.FontSize = ".9375rem";
        t.Body2.LineHeight = "1.45";
        t.Subtitle2.FontSize = ".9375rem";
        t.Subtitle2.FontWeight = "600";
        t.Button.LetterSpacing = ".02em";
        return theme;
    }

    static void Heading(BaseTypography style, string size)
    {
        style.FontSize = size;
        style.FontWeight = "600";
        style.LineHeight = "1.25";
        style.LetterSpacing = "normal";
    }
}
