namespace AleppoDashboard.Web.Components;

/// <summary>
/// Each page's meta description (what a search engine or a link preview shows under the title), by path. Kept in one
/// place, written once into the head by App.razor, so no page can end up with none or with two.
/// </summary>
public static class PageDescriptions
{
    const string Site = "AleppoDashboard compares how news outlets reported the 2016 battle for east Aleppo";

    public static string For(string? path) => (path ?? "/").TrimEnd('/') switch
    {
        "" => Site + ": outlets, the places they name and who claimed how much of the city the government held, with every figure traced to its sentence.",
        "/articles" => "The articles on the 2016 battle for east Aleppo, filtered by date, outlet, place and search, newest first, each with its sentences and extracted facts.",
        var p when p.StartsWith("/articles/", StringComparison.Ordinal) => "One article on the battle for east Aleppo, sentence by sentence, with the places, control claims, sources and framing terms found in it.",
        "/map" => "A map of the places in Aleppo the articles name, with what each outlet wrote there, by day or week of the 2016 battle.",
        "/control" => "Who claimed the Syrian government held how much of east Aleppo, and when: every control claim in the articles, charted by date and outlet.",
        "/compare" => "Side by side: what each outlet wrote about the same place or topic in the battle for east Aleppo, with wire copy marked.",
        _ => Site + ".",
    };
}
