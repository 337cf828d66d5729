namespace AleppoDashboard.Web.Views.Compare;

/// <summary>
/// Shades of a count for the summary matrix and the framing heat map: level 1 (least) to 5 (most) of the table's largest
/// value, 0 for none. The steps are of the square root of the share, so that one outlier (a wire story's 20 uses) does
/// not leave every other cell in the palest step. Five steps of one blue (compare.css), each with a text colour of at least 4.5:1 contrast on it, so
/// the number, always written in the cell, stays readable; the shade only says at a glance where the weight is.
/// </summary>
public static class HeatScale
{
    public const int Levels = 5;

    public static int Level(double value, double max) =>
        value <= 0 || max <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(Math.Sqrt(value / max) * Levels), 1, Levels);

    public static string Class(double value, double max) => "heat-" + Level(value, max);
}
