using System.Text.Json;
using AleppoDashboard.TestSupport;
using Microsoft.Playwright;

namespace AleppoDashboard.Browser.Tests;

/// <summary>Runs axe-core (the Web project's npm copy) on a loaded page and returns its serious and critical violations, one line each.</summary>
public static class AxeAudit
{
    /// <summary>True once no CSS transition or animation is running (Leaflet fades popups and animates zooms).</summary>
    public const string NoRunningAnimations = "() => document.getAnimations().every(a => a.playState !== 'running')";

    static readonly string Script = Path.Combine(RepoPaths.Root, "src", "Web", "node_modules", "axe-core", "axe.min.js");

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        Assert.True(File.Exists(Script), "axe-core is missing: run the Web project's build (it runs npm ci).");
        // Colour contrast measured mid-fade is not the page's contrast: let transitions finish first.
        await page.WaitForFunctionAsync(NoRunningAnimations);
        // Evaluated through the DevTools protocol (not a page script tag), so the page's CSP is not involved.
        await page.EvaluateAsync(await File.ReadAllTextAsync(Script));
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join('; ') + ')')");
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
