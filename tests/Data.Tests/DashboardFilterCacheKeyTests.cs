using AleppoDashboard.Data.Filtering;

namespace AleppoDashboard.Data.Tests;

public class DashboardFilterCacheKeyTests
{
    static readonly DashboardFilter AThenB = new(new DateOnly(2016, 12, 1), null, ["afp", "bbc-news"], ["old-city", "bustan-al-qasr"], "siege");
    static readonly DashboardFilter BThenA = new(new DateOnly(2016, 12, 1), null, ["bbc-news", "afp"], ["bustan-al-qasr", "old-city"], "siege");

    [Fact]
    public void OutletsAndPlacesInAnotherOrderMakeTheSameKeyButLinksKeepTheirOrder()
    {
        Assert.Equal(AThenB.CacheKey, BThenA.CacheKey);
        Assert.NotEqual(AThenB.ToQueryString(), BThenA.ToQueryString());
        Assert.Equal("?from=2016-12-01&outlet=afp&outlet=bbc-news&place=bustan-al-qasr&place=old-city&q=siege", BThenA.CacheKey);
    }

    [Fact]
    public void AnyOtherDifferenceMakesAnotherKey()
    {
        Assert.NotEqual(AThenB.CacheKey, (AThenB with { Text = "Siege" }).CacheKey);
        Assert.NotEqual(AThenB.CacheKey, AThenB.WithOutlets("afp").CacheKey);
        Assert.NotEqual(AThenB.CacheKey, (AThenB with { To = new DateOnly(2016, 12, 1) }).CacheKey);
        Assert.Equal("", DashboardFilter.None.CacheKey);
    }
}
