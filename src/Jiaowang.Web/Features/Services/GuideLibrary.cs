using System.Text.Json;
using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Services;

public sealed record GuideText(string Title, string Summary, IReadOnlyList<string> Bring, string Where, string HowLong, IReadOnlyList<string> Steps);
public sealed record GuideSource(string Title, string? Url);

/// <param name="Missing">Fields of a translated guide that fall back to the Chinese (title, summary, bring, where, howLong, steps).</param>
public sealed record Guide(int Id, string Slug, PlaceCategory Category, bool Published, IReadOnlyList<string> Places, IReadOnlyList<GuideSource> Sources,
    IReadOnlyDictionary<string, ServiceGuideText> Texts)
{
    static readonly IReadOnlyList<string> None = [];
    static IReadOnlyList<string> Lines(string? text) =>
        text is null ? None : text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The guide in the reader's language, or the Chinese with <c>Translated</c> false when it has no title in that language.
    /// A translated guide's empty fields are the Chinese, named in <c>Missing</c> so the page marks them.
    /// </summary>
    public (GuideText Text, bool Translated, IReadOnlySet<string> Missing) In(string lang)
    {
        var zh = Texts[PortalLanguages.Chinese];
        if (lang == PortalLanguages.Chinese) return (Of(zh, zh, null), true, new HashSet<string>());
        if (!Texts.TryGetValue(lang, out var t) || string.IsNullOrWhiteSpace(t.Title)) return (Of(zh, zh, null), false, new HashSet<string>());
        var missing = new HashSet<string>();
        return (Of(t, zh, missing), true, missing);
    }

    static GuideText Of(ServiceGuideText t, ServiceGuideText zh, HashSet<string>? missing)
    {
        string Pick(string field, string? own, string? chinese)
        {
            if (!string.IsNullOrWhiteSpace(own) || string.IsNullOrWhiteSpace(chinese)) return own ?? "";
            missing?.Add(field);
            return chinese;
        }
        return new GuideText(Pick("title", t.Title, zh.Title), Pick("summary", t.Summary, zh.Summary), Lines(Pick("bring", t.Bring, zh.Bring)),
            Pick("where", t.Where, zh.Where), Pick("howLong", t.HowLong, zh.HowLong), Lines(Pick("steps", t.Steps, zh.Steps)));
    }

    /// <summary>The Chinese fields this guide has, and how many of them the language has too (for coverage).</summary>
    public (int Total, int Done) Coverage(string lang)
    {
        var zh = Texts[PortalLanguages.Chinese];
        Texts.TryGetValue(lang, out var t);
        var total = 0;
        var done = 0;
        foreach (var (chinese, foreign) in new[] { (zh.Title, t?.Title), (zh.Summary, t?.Summary), (zh.Bring, t?.Bring), (zh.Where, t?.Where), (zh.HowLong, t?.HowLong), (zh.Steps, t?.Steps) })
        {
            if (string.IsNullOrWhiteSpace(chinese)) continue;
            total++;
            if (lang == PortalLanguages.Chinese || !string.IsNullOrWhiteSpace(foreign)) done++;
        }
        return (total, done);
    }
}

/// <summary>The step-by-step guides, kept in the database (the office edits them); shipped from Seed/services-guides.json.</summary>
public sealed class GuideLibrary(JiaowangDb db)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<List<Guide>> AllAsync(bool includeUnpublished, CancellationToken ct)
    {
        var query = db.ServiceGuides.AsNoTracking().Include(g => g.Texts).AsQueryable();
        if (!includeUnpublished) query = query.Where(g => g.Published);
        return (await query.OrderBy(g => g.Order).ThenBy(g => g.Id).ToListAsync(ct)).Where(g => g.Texts.Any(t => t.Lang == PortalLanguages.Chinese)).Select(Of).ToList();
    }

    public async Task<Guide?> FindAsync(string? slug, bool includeUnpublished, CancellationToken ct)
    {
        var guide = await db.ServiceGuides.AsNoTracking().Include(g => g.Texts)
            .FirstOrDefaultAsync(g => g.Slug == slug && (includeUnpublished || g.Published), ct);
        return guide is null || guide.Texts.All(t => t.Lang != PortalLanguages.Chinese) ? null : Of(guide);
    }

    public static Guide Of(ServiceGuide g) => new(g.Id, g.Slug, g.Category, g.Published,
        g.PlaceKeys?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
        string.IsNullOrEmpty(g.Sources) ? [] : JsonSerializer.Deserialize<List<GuideSource>>(g.Sources, Json)!,
        g.Texts.ToDictionary(t => t.Lang));

    /// <summary>Share of the guides' Chinese fields written in a language, for the office's coverage table.</summary>
    public static double Coverage(IEnumerable<Guide> guides, string lang)
    {
        var (total, done) = guides.Select(g => g.Coverage(lang)).Aggregate((0, 0), (a, b) => (a.Item1 + b.Total, a.Item2 + b.Done));
        return total == 0 ? 1 : (double)done / total;
    }

    sealed record SeedText(string Title, string Summary, List<string>? Bring, string? Where, string? HowLong, List<string>? Steps);
    sealed record SeedGuide(string Slug, string Category, List<string>? Places, List<GuideSource>? Sources, Dictionary<string, SeedText> Text);
    sealed record SeedFile(List<SeedGuide> Guides);

    /// <summary>Reads the shipped guides (Seed/services-guides.json) as rows to import.</summary>
    public static List<ServiceGuide> Read(string path)
    {
        var file = JsonSerializer.Deserialize<SeedFile>(File.ReadAllText(path), Json)!;
        return file.Guides.Select((g, i) => new ServiceGuide
        {
            Slug = g.Slug, Category = Enum.Parse<PlaceCategory>(g.Category), Order = i,
            PlaceKeys = g.Places is { Count: > 0 } places ? string.Join(",", places) : null,
            Sources = JsonSerializer.Serialize(g.Sources ?? [], Json),
            Texts = g.Text.Select(kv => new ServiceGuideText
            {
                Lang = kv.Key, Title = kv.Value.Title, Summary = kv.Value.Summary, Where = kv.Value.Where, HowLong = kv.Value.HowLong,
                Bring = kv.Value.Bring is { } bring ? string.Join("\n", bring) : null,
                Steps = kv.Value.Steps is { } steps ? string.Join("\n", steps) : null,
            }).ToList(),
        }).ToList();
    }
}
