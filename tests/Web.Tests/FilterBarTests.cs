using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Web.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Web.Tests;

public class FilterBarTests : BunitContext
{
    static readonly Outlet[] Outlets =
    [
        new() { Id = 1, Slug = "afp", Name = "AFP" },
        new() { Id = 2, Slug = "tasnim-news-agency", Name = "Tasnim News Agency" },
    ];

    IRenderedComponent<FilterBar> RenderAt(string url, DashboardFilter filter)
    {
        Services.AddSingleton(HttpContextFor.Url(url));
        return Render<FilterBar>(p => p.Add(b => b.Filter, filter).Add(b => b.Outlets, Outlets));
    }

    [Fact]
    public void KeepsTheOriginsSwitchThroughAFilterChange()
    {
        var bar = RenderAt("/control?origins=1&scope=city", DashboardFilter.None with { CountOrigins = true });
        Assert.Equal("1", bar.Find("input[type=hidden][name=origins]").GetAttribute("value"));
        Assert.Equal("city", bar.Find("input[type=hidden][name=scope]").GetAttribute("value"));
        Assert.Single(bar.FindAll("input[name=origins]"));
    }

    [Fact]
    public void IsAGetFormToTheCurrentPageWithTheFilterFilledIn()
    {
        var filter = new DashboardFilter(new DateOnly(2016, 12, 1), new DateOnly(2016, 12, 31), ["afp"], [], "Sukkari");
        var bar = RenderAt("/articles?from=2016-12-01", filter);

        var form = bar.Find("form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/articles", form.GetAttribute("action"));
        Assert.Equal("2016-12-01", bar.Find("input[name=from]").GetAttribute("value"));
        Assert.Equal("2016-12-31", bar.Find("input[name=to]").GetAttribute("value"));
        Assert.Equal("Sukkari", bar.Find("input[name=q]").GetAttribute("value"));
        Assert.True(bar.Find("#outlet-afp").HasAttribute("checked"));
        Assert.False(bar.Find("#outlet-tasnim-news-agency").HasAttribute("checked"));
    }

    [Fact]
    public void OffersEnglishAndArabicAndKeepsAnyOtherLanguageOfTheFilter()
    {
        var bar = RenderAt("/articles?lang=ar&lang=fr", DashboardFilter.None with { Languages = ["ar", "fr"] });
        var boxes = bar.FindAll("input[type=checkbox][name=lang]");
        Assert.Equal(["en", "ar", "fr"], boxes.Select(b => b.GetAttribute("value")));
        Assert.Equal([false, true, true], boxes.Select(b => b.HasAttribute("checked")));
        Assert.Equal("Arabic", bar.Find("label[for=lang-ar]").TextContent);
    }

    [Fact]
    public void OffersOneCheckboxPerOutletWithALabel()
    {
        var bar = RenderAt("/", DashboardFilter.None);
        var boxes = bar.FindAll("input[type=checkbox][name=outlet]");
        Assert.Equal(["afp", "tasnim-news-agency"], boxes.Select(b => b.GetAttribute("value")));
        Assert.Equal("Tasnim News Agency", bar.Find("label[for=outlet-tasnim-news-agency]").TextContent);
    }

    [Fact]
    public void KeepsThePagesOwnSettingsAsHiddenFieldsButNotThePageNumber()
    {
        var bar = RenderAt("/control?scope=city&page=3&from=2016-12-01", DashboardFilter.None);
        var hidden = bar.FindAll("input[type=hidden]");
        Assert.Equal(["scope=city"], hidden.Select(h => h.GetAttribute("name") + "=" + h.GetAttribute("value")));
    }

    [Fact]
    public void OnAnArticlePageFiltersTheArticleList()
    {
        var bar = RenderAt("/articles/3", DashboardFilter.None);
        Assert.Equal("/articles", bar.Find("form").GetAttribute("action"));
    }

    [Fact]
    public void ShowsChosenPlacesSoTheyCanBeUnticked()
    {
        Services.AddSingleton(HttpContextFor.Url("/articles?place=sukkari"));
        var bar = Render<FilterBar>(p => p
            .Add(b => b.Filter, DashboardFilter.None.WithPlaces("sukkari"))
            .Add(b => b.PlaceNames, new Dictionary<string, string> { ["sukkari"] = "Sukkari" }));
        Assert.True(bar.Find("input[name=place][value=sukkari]").HasAttribute("checked"));
        Assert.Equal("Sukkari", bar.Find("label[for=place-sukkari]").TextContent);
    }
}
