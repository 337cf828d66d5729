using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Web.Components.Shared;
using Bunit;

namespace AleppoDashboard.Web.Tests;

/// <summary>The origins switch as the page is first sent (interactive once the circuit is up: OriginsToggleTests).</summary>
public class OriginsSwitchTests : PrerenderedComponentTests
{
    static readonly DashboardFilter Tasnim = DashboardFilter.None with { Outlets = ["tasnim-news-agency"] };

    [Fact]
    public void TheTwoLinksKeepTheFilterAndThePageSettingsAndDropEmptyOnes()
    {
        var nav = Render<OriginsSwitch>(p => p.Add(s => s.Filter, Tasnim).Add(s => s.Path, "/control")
            .Add(s => s.Settings, [new("scope", "city"), new("term", "")]));

        Assert.Equal("/control?outlet=tasnim-news-agency&scope=city", nav.Find("a[data-origins='0']").GetAttribute("href"));
        Assert.Equal("/control?outlet=tasnim-news-agency&origins=1&scope=city", nav.Find("a[data-origins='1']").GetAttribute("href"));
        Assert.Equal("true", nav.Find("a[data-origins='0']").GetAttribute("aria-current"));
        Assert.Null(nav.Find("a[data-origins='1']").GetAttribute("aria-current"));
    }

    [Fact]
    public void CountingOriginsShowsWhatTheCountComesToOrThatOriginsAreNotKnownYet()
    {
        var on = Tasnim with { CountOrigins = true };
        var ready = Render<OriginsSwitch>(p => p.Add(s => s.Filter, on).Add(s => s.Path, "/control").Add(s => s.Summary, "5 claims from 2 origins"));
        Assert.Equal("5 claims from 2 origins", ready.Find("[data-origins-summary]").TextContent);
        Assert.Equal("true", ready.Find("a[data-origins='1']").GetAttribute("aria-current"));

        var notReady = Render<OriginsSwitch>(p => p.Add(s => s.Filter, on).Add(s => s.Path, "/control").Add(s => s.Ready, false).Add(s => s.Summary, "x"));
        Assert.Empty(notReady.FindAll("[data-origins-summary]"));
        Assert.Contains("not known yet", notReady.Find("[role=status]").TextContent);
    }
}
