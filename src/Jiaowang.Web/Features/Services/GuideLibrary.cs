using System.Text.Json;
using Jiaowang.Core.Services;

namespace Jiaowang.Web.Features.Services;

public sealed record GuideText(string Title, string Summary, IReadOnlyList<string> Bring, string Where, string HowLong, IReadOnlyList<string> Steps);
public sealed record GuideSource(string Title, string? Url);
public sealed record Guide(string Slug, IReadOnlyList<string> Places, IReadOnlyList<GuideSource> Sources, IReadOnlyDictionary<string, GuideText> Text)
{
    /// <summary>The guide in the reader's language, or the Chinese with <c>Translated</c> false.</summary>
    public (GuideText Text, bool Translated) In(string lang) =>
        Text.TryGetValue(lang, out var t) ? (t, true) : (Text[PortalLanguages.Chinese], lang == PortalLanguages.Chinese);
}

/// <summary>The step-by-step guides shipped in Seed/services-guides.json (each citing its public sources).</summary>
public sealed class GuideLibrary(IReadOnlyList<Guide> guides)
{
    public IReadOnlyList<Guide> All => guides;
    public Guide? Find(string? slug) => guides.FirstOrDefault(g => g.Slug == slug);

    sealed record File(List<Guide> Guides);

    public static GuideLibrary Load(string path)
    {
        var file = JsonSerializer.Deserialize<File>(System.IO.File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return new GuideLibrary(file.Guides);
    }

    /// <summary>Share of guides written in a language, for the office's coverage table.</summary>
    public double Coverage(string lang) => guides.Count == 0 ? 1 : (double)guides.Count(g => g.Text.ContainsKey(lang)) / guides.Count;
}
