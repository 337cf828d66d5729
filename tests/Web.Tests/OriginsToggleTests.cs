using AleppoDashboard.Web.Interactive;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AleppoDashboard.Web.Tests;

public class OriginsToggleTests : InteractiveComponentTests
{
    static readonly OriginsToggleState State = new("/control?scope=city", "/control?origins=1&scope=city", On: false);

    [Fact]
    public async Task AClickChangesTheCountInPlace()
    {
        var toggle = Render<OriginsToggle>(p => p.Add(t => t.State, State));
        Assert.Equal("true", toggle.Find("a[data-origins='0']").GetAttribute("aria-current"));
        await toggle.Find("a[data-origins='1']").ClickAsync(new());
        AssertWentInPlaceTo("http://localhost/control?origins=1&scope=city");
    }

    [Fact]
    public void BeforeTheCircuitTheyArePlainLinks()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var toggle = Render<OriginsToggle>(p => p.Add(t => t.State, State with { On = true }));
        Assert.Equal("/control?scope=city", toggle.Find("a[data-origins='0']").GetAttribute("href"));
        Assert.Equal("true", toggle.Find("a[data-origins='1']").GetAttribute("aria-current"));
    }
}
