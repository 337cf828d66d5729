namespace AleppoDashboard.Data.Articles;

/// <summary>How a piece of article metadata (outlet, date, language) was established.</summary>
public enum ValueOrigin
{
    Unknown = 0,
    Manifest = 1,
    Heuristic = 2,
    /// <summary>Stated by the file itself: a saved page's meta tags or JSON-LD, a JSON record's field, a feed item.</summary>
    Document = 3,
}
