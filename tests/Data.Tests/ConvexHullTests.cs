using AleppoDashboard.Data.Views.Map;

namespace AleppoDashboard.Data.Tests;

public class ConvexHullTests
{
    [Fact]
    public void HullKeepsTheCornersAndDropsInnerAndCollinearPoints()
    {
        LonLat[] points = [new(0, 0), new(2, 0), new(2, 2), new(0, 2), new(1, 1), new(1, 0), new(0.5, 1.5)];
        var hull = ConvexHull.Of(points);
        Assert.Equal([new LonLat(0, 0), new LonLat(2, 0), new LonLat(2, 2), new LonLat(0, 2)], hull);
    }

    [Fact]
    public void FewerThanThreeDistinctPointsHaveNoArea()
    {
        Assert.Equal(2, ConvexHull.Of([new(0, 0), new(1, 1), new(1, 1)]).Count);
    }
}
