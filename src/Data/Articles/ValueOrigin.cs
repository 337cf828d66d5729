namespace AleppoDashboard.Data.Articles;

/// <summary>How a piece of article metadata (outlet, date) was established.</summary>
public enum ValueOrigin
{
    Unknown = 0,
    Manifest = 1,
    Heuristic = 2,
}
