using AleppoDashboard.Web.Caching;

namespace AleppoDashboard.Web.Tests;

/// <summary>The start-up page warm-up requests the app through an address it listens on, reachable from this machine.</summary>
public class PageWarmUpTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5931", "http://127.0.0.1:5931/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:8080", "http://localhost:8080/")]
    [InlineData("http://+:8080", "http://localhost:8080/")]
    public void AListeningAddressBecomesOneAClientCanReach(string listening, string expected) =>
        Assert.Equal(expected, PageWarmUp.BaseAddress([listening])?.ToString());

    [Fact]
    public void WithoutAnHttpAddressNothingIsRequested()
    {
        Assert.Null(PageWarmUp.BaseAddress([]));
        Assert.Null(PageWarmUp.BaseAddress(["https://127.0.0.1:5001"]));
    }

    [Fact]
    public void AnHttpAddressIsPreferredToAnHttpsOneListedFirst() =>
        Assert.Equal("http://127.0.0.1:5000/", PageWarmUp.BaseAddress(["https://127.0.0.1:5001", "http://127.0.0.1:5000"])?.ToString());
}
