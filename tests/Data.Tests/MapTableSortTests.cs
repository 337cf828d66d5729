using AleppoDashboard.Data.Views.Map;

namespace AleppoDashboard.Data.Tests;

public class MapTableSortTests
{
    static readonly string[] Outlets = ["afp", "tasnim-news-agency"];

    static MapPlace Place(string name, int afp, int tasnim, DateOnly? last) =>
        new(name.ToLowerInvariant(), name, "east", 36.2, 37.1, "exact", afp + tasnim,
            new[] { new MapOutletCount("afp", "AFP", afp), new MapOutletCount("tasnim-news-agency", "Tasnim", tasnim) }
                .Where(o => o.Mentions > 0).OrderByDescending(o => o.Mentions).ToList(),
            last, last, []);

    static readonly MapPlace[] Places =
    [
        Place("Sukkari", 3, 2, new DateOnly(2016, 12, 12)),
        Place("Ansari", 0, 1, null),
        Place("Hanano", 2, 0, new DateOnly(2016, 11, 27)),
    ];

    [Theory]
    [InlineData(null, null, "Sukkari,Hanano,Ansari")]
    [InlineData("name", null, "Ansari,Hanano,Sukkari")]
    [InlineData("name", "desc", "Sukkari,Hanano,Ansari")]
    [InlineData("last", "asc", "Hanano,Sukkari,Ansari")]
    [InlineData("last", "desc", "Sukkari,Hanano,Ansari")]
    [InlineData("outlet:tasnim-news-agency", null, "Sukkari,Ansari,Hanano")]
    [InlineData("OUTLET:afp", "asc", "Ansari,Hanano,Sukkari")]
    public void SortsByTheColumnAndKeepsUndatedPlacesLast(string? sort, string? dir, string expected)
    {
        var parsed = MapTableSort.Parse(sort, dir, Outlets, out var error);
        Assert.Null(error);
        Assert.Equal(expected, string.Join(",", parsed!.Apply(Places).Select(p => p.Name)));
    }

    [Theory]
    [InlineData("size", null, "'sort' must be one of")]
    [InlineData("outlet:reuters", null, "'sort' must be one of")]
    [InlineData("name", "down", "'dir' must be asc or desc")]
    public void RejectsUnknownColumnsAndDirectionsWithOneLine(string? sort, string? dir, string reason)
    {
        Assert.Null(MapTableSort.Parse(sort, dir, Outlets, out var error));
        Assert.StartsWith(reason, error);
        Assert.DoesNotContain('\n', error!);
    }

    [Fact]
    public void ToggleFlipsTheCurrentColumnAndStartsOthersAtTheirNaturalDirection()
    {
        var byName = new MapTableSort("name", false);
        Assert.True(byName.Toggle("name").Descending);
        Assert.True(byName.Toggle("mentions").Descending);
        Assert.False(MapTableSort.Default.Toggle("sector").Descending);
    }
}
