using AleppoDashboard.Data.Facts;

namespace AleppoDashboard.Data.Tests;

/// <summary>How a claim converted from the other side's share is described in the table, the article, the tooltip and the API.</summary>
public class StatedShareTests
{
    [Theory]
    [InlineData(7.0, StatedShare.Rebels, "stated: rebels hold 7%")]
    [InlineData(12.5, StatedShare.Rebels, "stated: rebels hold 12.5%")]
    [InlineData(10.0, StatedShare.GovernmentLost, "stated: the government lost 10%")]
    public void AConvertedClaimSaysWhatTheTextStated(double percent, string holder, string expected) =>
        Assert.Equal(expected, StatedShare.Describe(percent, holder));

    [Fact]
    public void AClaimStatedAsTheGovernmentsShareSaysNothing() => Assert.Null(StatedShare.Describe(null, null));
}
