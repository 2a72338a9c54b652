using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Shared;

/// <summary>
/// The app's localised strings, each looked up in the resources once per language and then kept. The resources are
/// compiled in and never change while the app runs, so what ASP.NET Core's <see cref="ResourceManagerStringLocalizer"/>
/// answers the first time is what it would answer every time; asking it again (the culture's resource set, its parents,
/// the cache of missing names) was 8 % of a signed-in page's busy time, on a page of some 300 strings (docs/PERFORMANCE.md,
/// "Signed-in pages", twelfth round).
/// </summary>
public sealed class KeptStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    readonly ConcurrentDictionary<Type, KeptStringLocalizer> byType = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, static (type, resources) => new KeptStringLocalizer(resources.Create(type)), resources);

    /// <summary>Not used by the app (every localiser is typed); left to the resources as they are.</summary>
    public IStringLocalizer Create(string baseName, string location) => resources.Create(baseName, location);
}

public sealed class KeptStringLocalizer(IStringLocalizer resources) : IStringLocalizer
{
    /// <summary>Names come from the code, not from requests; the bound only guards against a caller that builds them from input.</summary>
    const int MostNamesPerLanguage = 10_000;

    readonly ConcurrentDictionary<CultureInfo, ConcurrentDictionary<string, LocalizedString>> byCulture = new();

    public LocalizedString this[string name]
    {
        get
        {
            var culture = CultureInfo.CurrentUICulture;
            var kept = byCulture.GetOrAdd(culture, static _ => new ConcurrentDictionary<string, LocalizedString>(StringComparer.Ordinal));
            if (kept.TryGetValue(name, out var found)) return found;
            var looked = resources[name];
            if (kept.Count < MostNamesPerLanguage) kept.TryAdd(name, looked);
            return looked;
        }
    }

    /// <summary>As <see cref="ResourceManagerStringLocalizer"/> does: the format in the request's culture, the name itself when missing.</summary>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}
