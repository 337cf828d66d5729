using AleppoDashboard.Data.Views.Places;
using AleppoDashboard.Web.Interactive;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AleppoDashboard.Web.Tests;

public class InteractiveFilterBarTests : InteractiveComponentTests
{
    static readonly FilterBarState State = new(
        "/map", "2016-12-01", null, ["tasnim-news-agency"], ["sukkari"], null,
        [new("afp", "AFP"), new("tasnim-news-agency", "Tasnim News Agency")],
        [new("sukkari", "Sukkari", 4), new("hanano", "Hanano", 2), new("east-aleppo", "east Aleppo", 9)],
        [new("color", "outlet")]);

    public InteractiveFilterBarTests() : base(requestUrl: "/map?outlet=tasnim-news-agency") { }

    IRenderedComponent<InteractiveFilterBar> RenderBar() => Render<InteractiveFilterBar>(p => p.Add(b => b.State, State));

    [Fact]
    public void ShowsTheActiveFiltersAsChipsWithTheirNames()
    {
        var bar = RenderBar();
        var chips = bar.FindAll("a.filter-chip").Select(c => c.GetAttribute("aria-label")).ToList();
        Assert.Equal(["Remove the filter From 1 Dec 2016", "Remove the filter Tasnim News Agency", "Remove the filter Sukkari"], chips);
        Assert.Contains("Filters (3)", bar.Markup);
    }

    [Theory]
    [InlineData(null, 2016, 12)]
    [InlineData("2016-10-03", 2016, 10)]
    public void TheCalendarOpensAtTheChosenStartElseAtTheLastDatedArticleNotToday(string? from, int year, int month)
    {
        var state = State with { From = from, CalendarOpensAt = "2016-12-15" };
        var picker = Render<InteractiveFilterBar>(p => p.Add(b => b.State, state)).FindComponent<MudDateRangePicker>();
        Assert.Equal((year, month), (picker.Instance.PickerMonth?.Year, picker.Instance.PickerMonth?.Month));
    }

    [Fact]
    public void AChipKeepsTheOriginsSwitch()
    {
        var bar = Render<InteractiveFilterBar>(p => p.Add(b => b.State, State with { CountOrigins = true }));
        var tasnim = bar.FindAll("a.filter-chip").Single(c => c.TextContent.Contains("Tasnim"));
        Assert.Equal("/map?from=2016-12-01&place=sukkari&origins=1&color=outlet", tasnim.GetAttribute("href"));
    }

    [Fact]
    public void EachChipLinksToTheAddressWithoutItKeepingThePageSettings()
    {
        var bar = RenderBar();
        var tasnim = bar.FindAll("a.filter-chip").Single(c => c.TextContent.Contains("Tasnim"));
        Assert.Equal("/map?from=2016-12-01&place=sukkari&color=outlet", tasnim.GetAttribute("href"));
    }

    [Fact]
    public async Task PickingAPlaceAddsItAndTheSearchOffersOnlyPlacesNotChosenYet()
    {
        var bar = RenderBar();
        var picker = bar.FindComponent<MudAutocomplete<PlaceChoice>>();
        var search = picker.Instance.SearchFunc ?? throw new InvalidOperationException("no search");
#nullable disable
        var found = (await search("a", CancellationToken.None)).Select(p => p.Id).ToList();
#nullable restore
        Assert.Equal(["hanano", "east-aleppo"], found);
        await bar.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new PlaceChoice("hanano", "Hanano", 2)));
        AssertWentInPlaceTo("http://localhost/map?from=2016-12-01&outlet=tasnim-news-agency&place=sukkari&place=hanano&color=outlet");
    }

    [Fact]
    public void BeforeTheCircuitItIsThePlainGetForm()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var bar = RenderBar();
        var form = bar.Find("form.filter-bar");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/map", form.GetAttribute("action"));
        // The chips are plain links, shown the same before the circuit, so the swap to the controls moves nothing.
        Assert.Equal(3, bar.FindAll("a.filter-chip").Count);
        Assert.Equal("Filters (3)", bar.Find("summary.filter-static-button").TextContent);
    }

    [Fact]
    public async Task TheLanguageFilterIsAChipAndEveryOtherChangeKeepsIt()
    {
        var arabic = State with { Languages = ["ar"] };
        var bar = Render<InteractiveFilterBar>(p => p.Add(b => b.State, arabic));
        var chip = bar.FindAll("a.filter-chip").Single(c => c.TextContent.Contains("In Arabic"));
        Assert.Equal("/map?from=2016-12-01&outlet=tasnim-news-agency&place=sukkari&color=outlet", chip.GetAttribute("href"));
        Assert.Contains("Filters (4)", bar.Markup);

        var picker = bar.FindComponent<MudAutocomplete<PlaceChoice>>();
        await bar.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new PlaceChoice("hanano", "Hanano", 2)));
        Assert.Equal("http://localhost/map?from=2016-12-01&outlet=tasnim-news-agency&place=sukkari&place=hanano&lang=ar&color=outlet", Navigation.Uri);
    }

    [Fact]
    public async Task ThePlacePickerFindsAPlaceByItsArabicNameInAnySpelling()
    {
        var arabic = State with
        {
            Places = [],
            PlaceChoices = [new("sukkari", "Sukkari", 4, "السكري"), new("sheikh-saeed", "Sheikh Saeed", 3, "شيخ سعيد"), new("hanano", "Hanano", 2, "مساكن هنانو")],
        };
        var bar = Render<InteractiveFilterBar>(p => p.Add(b => b.State, arabic));
        var search = bar.FindComponent<MudAutocomplete<PlaceChoice>>().Instance.SearchFunc ?? throw new InvalidOperationException("no search");
#nullable disable
        async Task<List<string>> Found(string term) => (await search(term, CancellationToken.None)).Select(p => p.Id).ToList();
#nullable restore
        Assert.Equal(["sheikh-saeed"], await Found("الشيخ"));
        Assert.Equal(["sheikh-saeed"], await Found("بالشَّيخ سعيد"));
        Assert.Equal(["sukkari"], await Found("السُّكَّري"));
        Assert.Equal(["hanano"], await Found("هنانو"));
        Assert.Equal(["sukkari"], await Found("Sukk"));
    }
}
