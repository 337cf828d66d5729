namespace AleppoDashboard.Data.Articles;

/// <summary>A news outlet; <see cref="Slug"/> is the stable key used in URLs (e.g. tasnim-news-agency).</summary>
public sealed class Outlet
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<Article> Articles { get; set; } = [];
}
