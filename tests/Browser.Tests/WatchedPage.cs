using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>A Playwright page plus what it did that a test should check: console errors, script errors, dialogs, requests off localhost.</summary>
public sealed class WatchedPage
{
    public IPage Page { get; }
    public List<string> ConsoleErrors { get; } = [];
    public List<string> PageErrors { get; } = [];
    public List<string> Dialogs { get; } = [];
    public List<string> OffsiteRequests { get; } = [];

    public WatchedPage(IPage page, Uri baseAddress)
    {
        Page = page;
        page.Console += (_, m) => { if (m.Type == "error") ConsoleErrors.Add(m.Text); };
        page.PageError += (_, e) => PageErrors.Add(e);
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.Contains("/export/")) ConsoleErrors.Add($"HTTP {r.Status} for {r.Url}"); };
        page.Dialog += async (_, d) => { Dialogs.Add(d.Message); await d.DismissAsync(); };
        page.Request += (_, r) =>
        {
            if (Uri.TryCreate(r.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host is not ("127.0.0.1" or "localhost"))
            {
                OffsiteRequests.Add(r.Url);
            }
        };
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>
    /// Opens a page and, when it has the filter bar, waits until the bar is interactive (MudBlazor over the circuit
    /// replaces the server-rendered form), so that a test sees and audits the page as a reader with JavaScript uses it.
    /// </summary>
    public async Task<IResponse?> GotoAsync(string relative)
    {
        var response = await Page.GotoAsync(new Uri(BaseAddress, relative).ToString());
        if (await Page.Locator("form.filter-bar").CountAsync() > 0)
        {
            await Page.Locator("section.filter-panel[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });
        }
        return response;
    }

    /// <summary>Fails the test when the page logged an error, threw, opened a dialog or reached past localhost.</summary>
    public void AssertClean()
    {
        Assert.Empty(ConsoleErrors);
        Assert.Empty(PageErrors);
        Assert.Empty(Dialogs);
        Assert.Empty(OffsiteRequests);
    }
}
