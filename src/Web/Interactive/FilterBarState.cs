using System.Globalization;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Views.Places;

namespace AleppoDashboard.Web.Interactive;

/// <summary>An outlet the filter bar offers.</summary>
public sealed record OutletChoice(string Slug, string Name);

/// <summary>A query parameter of the page's own (such as <c>scope</c>) that a filter change keeps.</summary>
public sealed record QueryPair(string Key, string Value);

/// <summary>
/// What the interactive filter bar needs, as plain serializable values (it is a root component of its own, so its
/// parameters cross from the server-rendered page into the circuit): the page it filters, the current filter and the choices.
/// </summary>
public sealed record FilterBarState(
    string Path,
    string? From,
    string? To,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Places,
    string? Text,
    IReadOnlyList<OutletChoice> OutletChoices,
    IReadOnlyList<PlaceChoice> PlaceChoices,
    IReadOnlyList<QueryPair> PageSettings,
    bool CountOrigins = false)
{
    /// <summary>The filter's languages (<c>lang</c>), kept by every change of the other filters.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>
    /// The day the date picker's calendar opens at when no date is chosen: the last day an article is dated to (a
    /// reader of a 2016 corpus should not page back ten years from today's month). Null: today's month.
    /// </summary>
    public string? CalendarOpensAt { get; init; }

    /// <summary>The month the date picker shows first: the chosen start date, else <see cref="CalendarOpensAt"/>.</summary>
    public DateTime? CalendarMonth => (Parse(From) ?? Parse(To) ?? Parse(CalendarOpensAt))?.ToDateTime(TimeOnly.MinValue);

    /// <summary>The languages the bar offers, with their names (the codes <c>lang</c> takes).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> LanguageChoices = [("en", "English"), ("ar", "Arabic")];

    /// <summary>The choices, and any other code the filter has (a page linked with <c>lang=fr</c> keeps it).</summary>
    public static IEnumerable<(string Code, string Name)> LanguagesOffered(IEnumerable<string> current) =>
        LanguageChoices.Concat(current.Where(c => LanguageChoices.All(l => l.Code != c)).Select(c => (c, c)));

    public static string LanguageName(string code) => LanguageChoices.FirstOrDefault(l => l.Code == code).Name ?? code;

    public static FilterBarState Of(string path, DashboardFilter filter, IEnumerable<OutletChoice> outlets, IEnumerable<PlaceChoice> places, IEnumerable<QueryPair> settings) =>
        new(path, Iso(filter.From), Iso(filter.To), filter.Outlets.ToList(), filter.Places.ToList(), filter.Text,
            outlets.ToList(), places.ToList(), settings.ToList(), filter.CountOrigins) { Languages = filter.Languages.ToList() };

    /// <summary>The filter; the origins switch is kept through every change the bar makes (it is set on the page, not here).</summary>
    public DashboardFilter Filter => new(Parse(From), Parse(To), Outlets, Places, string.IsNullOrWhiteSpace(Text) ? null : Text) { Languages = Languages, CountOrigins = CountOrigins };

    /// <summary>The page's address for a filter: its path, the filter, and the page's own settings (never an empty value).</summary>
    public string Href(DashboardFilter filter) =>
        Path + filter.ToQueryString(PageSettings.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToArray());

    static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
