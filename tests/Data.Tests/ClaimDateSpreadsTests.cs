using AleppoDashboard.Data.Views.Control;

namespace AleppoDashboard.Data.Tests;

public class ClaimDateSpreadsTests
{
    static ClaimDateSpread On(int day, int claims, double min, double max) =>
        new(new DateOnly(2016, 12, day), claims, ["AFP", "Tasnim News Agency"], min, max);

    [Fact]
    public void TheDatesWhereClaimsDifferMostAreListedOldestFirst()
    {
        var dates = new[] { On(1, 2, 80, 85), On(2, 9, 70, 90), On(3, 2, 50, 99), On(4, 3, 85, 85), On(5, 4, 80, 85) };

        var listed = ClaimDateSpreads.Widest(dates, 3);

        // Spreads 49 (3rd), 20 (2nd), then 5 twice: the 5th has more claims than the 1st.
        Assert.Equal([2, 3, 5], listed.Select(d => d.Date.Day));
    }

    [Fact]
    public void FewerDatesThanTheLimitAreAllListed()
    {
        var dates = Enumerable.Range(1, ClaimDateSpreads.Listed - 1).Select(d => On(d, 2, 80, 80 + d % 3)).ToList();

        Assert.Equal(dates.Select(d => d.Date), ClaimDateSpreads.Widest(dates).Select(d => d.Date));
    }
}
