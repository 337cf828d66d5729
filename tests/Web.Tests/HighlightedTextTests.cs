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
