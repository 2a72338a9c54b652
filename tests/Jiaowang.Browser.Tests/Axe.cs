using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>axe-core run in the page itself.</summary>
/// <remarks>
/// The Playwright wrapper's <c>RunAxe</c> runs axe in every frame and then finishes the run in a second, blank page that
/// it opens and injects axe into each time: about 1.5 s a run here, whatever the rules. These pages have no frames, so the
/// plain <c>axe.run</c> on the document gives the same violations; axe is injected once per page load.
/// </remarks>
public static class Axe
{
    static readonly string Source = new BundledAxeScriptProvider().GetScript();

    /// <summary>A rule the page breaks, with how many elements break it (Playwright fills it by its setters).</summary>
    public sealed class Violation
    {
        public string Id { get; set; } = "";
        public int Nodes { get; set; }
        public string Help { get; set; } = "";
    }

    /// <param name="runOnly">axe's <c>runOnly</c> option: <c>{ type = "tag" | "rule", values }</c>.</param>
    public static async Task<IReadOnlyList<Violation>> ViolationsAsync(IPage page, object runOnly)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(Source);
        return await page.EvaluateAsync<Violation[]>(
            "async options => (await axe.run(document, options)).violations.map(v => ({ id: v.id, nodes: v.nodes.length, help: v.help }))",
            new { runOnly, resultTypes = new[] { "violations" } });
    }
}
