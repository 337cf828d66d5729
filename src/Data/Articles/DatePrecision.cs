namespace AleppoDashboard.Data.Articles;

/// <summary>How much of <see cref="Article.Published"/> is known: a month-only date is stored as the 1st.</summary>
public enum DatePrecision
{
    None = 0,
    Year = 1,
    Month = 2,
    Day = 3,
}
