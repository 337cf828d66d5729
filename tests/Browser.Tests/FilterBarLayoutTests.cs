namespace AleppoDashboard.Browser.Tests;

/// <summary>
/// The filter bar at a laptop's and a small screen's widths: no control's words run into its arrow or out of its box
/// ("Languages (none: all)" once met its arrow at 1366 px; a chosen name too long for its list ends in "…"), and the page does not move when the circuit swaps the
/// server-rendered form for the controls.
/// </summary>
[Collection(BrowserCollection.Name)]
public class FilterBarLayoutTests(BrowserFixture fixture)
{
    const string Path = "/articles?outlet=tasnim-news-agency&from=2016-12-01&to=2016-12-31";

    [Theory]
    [InlineData(1366)]
    [InlineData(1024)]
    [InlineData(800)]
    public async Task NoControlsWordsMeetItsArrowOrRunOutOfItsBox(int width)
    {
        var watched = await fixture.NewPageAsync(width, 900);
        var page = watched.Page;
        await watched.GotoAsync(Path);
        await page.Locator(".filter-panel[data-interactive=true]").WaitForAsync();
        var problems = await page.EvaluateAsync<string[]>(
            """
            () => {
              const out = [];
              const ctx = document.createElement('canvas').getContext('2d');
              const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
              for (const control of document.querySelectorAll('.filter-panel-wide .mud-input-control')) {
                const name = control.querySelector('label')?.textContent.trim() ?? '?';
                const adornment = control.querySelector('.mud-input-adornment-end');
                const label = control.querySelector('label');
                if (label && adornment && meets(label.getBoundingClientRect(), adornment.getBoundingClientRect())) out.push(`${name}: its label meets its arrow`);
                if (label && label.scrollWidth > label.clientWidth + 1) out.push(`${name}: its label is cut`);
                for (const input of control.querySelectorAll('input')) {
                  const style = getComputedStyle(input);
                  ctx.font = style.font;
                  const text = input.value || input.placeholder;
                  const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                  // A chosen name may end in "…" (the chips show it whole); a label or an example must fit.
                  const marked = input.value && style.textOverflow === 'ellipsis';
                  if (text && !marked && ctx.measureText(text).width > room + 1) out.push(`${name}: "${text}" is cut (${Math.round(ctx.measureText(text).width)} px in ${room} px)`);
                  if (adornment && meets(input.getBoundingClientRect(), adornment.getBoundingClientRect()) && input.getBoundingClientRect().right > adornment.getBoundingClientRect().left + 1)
                    out.push(`${name}: its text box runs under its arrow`);
                }
              }
              return out;
            }
            """);
        Assert.True(problems.Length == 0, $"at {width} px: " + string.Join("; ", problems));
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(1024)]
    [InlineData(800)]
    [InlineData(390)]
    public async Task ThePageDoesNotMoveWhenTheControlsReplaceTheForm(int width)
    {
        var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = 900 } });
        var plain = await context.NewPageAsync();
        await plain.GotoAsync(new Uri(fixture.BaseAddress, Path).ToString());
        var before = await plain.EvaluateAsync<double>("() => document.querySelector('main h1').getBoundingClientRect().top");
        await context.CloseAsync();

        var watched = await fixture.NewPageAsync(width, 900);
        var page = watched.Page;
        await watched.GotoAsync(Path);
        await page.Locator(".filter-panel[data-interactive=true]").WaitForAsync();
        var after = await page.EvaluateAsync<double>("() => document.querySelector('main h1').getBoundingClientRect().top");
        Assert.True(Math.Abs(after - before) <= 1, $"at {width} px the title moved from {before} to {after} px");
    }
}
