namespace AleppoDashboard.Web.Components.Shared;

/// <summary>A span of text to highlight: offsets into the text, a kind (used as a CSS class) and a label for its details.</summary>
public sealed record TextMark(int Start, int Length, string Kind, string? Label)
{
    /// <summary>
    /// Where the fact leads (the map, the control table, side by side). With links and an <see cref="Id"/>, the span is a
    /// button that opens its details (a popover: click, tap or keyboard, no script needed) instead of a plain mark.
    /// </summary>
    public IReadOnlyList<FactLink> Links { get; init; } = [];

    /// <summary>The details element's id, unique in the page.</summary>
    public string? Id { get; init; }
}

/// <summary>One way out of a fact's details: the link text and where it goes.</summary>
public sealed record FactLink(string Text, string Href);
