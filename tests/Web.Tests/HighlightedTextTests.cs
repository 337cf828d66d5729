using AleppoDashboard.Web.Components.Shared;
using Bunit;

namespace AleppoDashboard.Web.Tests;

public class HighlightedTextTests : BunitContext
{
    [Fact]
    public void MarksEachSpanAndKeepsTheRestAsText()
    {
        var text = Render<HighlightedText>(p => p
            .Add(t => t.Text, "Forces took Sukkari and <b>Bustan al-Qasr</b>.")
            .Add(t => t.Marks, [new TextMark(12, 7, "place", "Place: Sukkari"), new TextMark(27, 14, "place", "Place: Bustan al-Qasr")]));

        var marks = text.FindAll("mark");
        Assert.Equal(["Sukkari", "Bustan al-Qasr"], marks.Select(m => m.TextContent));
        Assert.Equal("Place: Sukkari", marks[0].GetAttribute("title"));
        Assert.Empty(text.FindAll("b"));
        Assert.Equal("Forces took Sukkari and <b>Bustan al-Qasr</b>.", text.Nodes.Select(n => n.TextContent).Aggregate("", string.Concat));
    }

    [Fact]
    public void IgnoresOverlappingAndOutOfRangeSpans()
    {
        var text = Render<HighlightedText>(p => p
            .Add(t => t.Text, "East Aleppo")
            .Add(t => t.Marks, [new TextMark(0, 11, "place", null), new TextMark(5, 6, "place", null), new TextMark(50, 3, "term", null)]));
        Assert.Equal("East Aleppo", Assert.Single(text.FindAll("mark")).TextContent);
    }
}

public class FactDetailsTests : BunitContext
{
    static readonly TextMark Place = new(10, 7, "place", "Place: Sukkari <b>")
    {
        Id = "fact-3-10",
        Links = [new("Show on the map", "/map?outlet=afp&place=sukkari")],
    };

    [Fact]
    public void AFactWithLinksIsAButtonThatOpensItsDetailsAndTheTextStaysTheSentence()
    {
        var text = Render<HighlightedText>(p => p.Add(t => t.Text, "Shells on Sukkari today.").Add(t => t.Marks, [Place]));
        var button = text.Find("button.fact.fact-place");
        Assert.Equal("Sukkari", button.TextContent);
        Assert.Equal("fact-3-10", button.GetAttribute("popovertarget"));
        Assert.Equal("Shells on Sukkari today.", text.Nodes.Select(n => n.TextContent).Aggregate("", string.Concat));
    }

    [Fact]
    public void TheDetailsArePopoversWithTheirLinksAndTheLabelAsText()
    {
        var cards = Render<FactCards>(p => p.Add(c => c.Marks, [Place, new TextMark(0, 3, "term", "no links")]));
        var card = Assert.Single(cards.FindAll("[popover]"));
        Assert.Equal("fact-3-10", card.Id);
        Assert.Equal("Place: Sukkari <b>", card.QuerySelector(".fact-card-label")!.TextContent);
        Assert.Empty(card.QuerySelectorAll("b"));
        Assert.Equal("/map?outlet=afp&place=sukkari", card.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("hide", card.QuerySelector("button")!.GetAttribute("popovertargetaction"));
    }
}
