namespace AleppoDashboard.Web.Components.Shared;

/// <summary>A span of text to highlight: offsets into the text, a kind (used as a CSS class) and a tooltip label.</summary>
public sealed record TextMark(int Start, int Length, string Kind, string? Label);
