using System.Text.Json;
using Jiaowang.Core.Input;
using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Services;

/// <summary>One language's text of a guide, as the side-by-side editor sends it. Lists are one item a line.</summary>
public sealed record GuideEdit(string Lang, int Version, string? Title, string? Summary, string? Bring, string? Where, string? HowLong, string? Steps);

/// <summary>
/// The office's and the responsible units' edits of the guides, as for places (<see cref="PlaceEditor"/>): each save keeps
/// a version (all languages, as JSON); a liaison edits only the guides of the categories the office gave their unit.
/// </summary>
public sealed class GuideEditor(JiaowangDb db, PlaceEditor places, TimeProvider clock, IOptions<PortalOptions> options, IStringLocalizer<ServicesText> text)
{
    public Task<HashSet<PlaceCategory>> EditableAsync(Caller caller, CancellationToken ct) => places.EditableAsync(caller, ct);

    async Task<Outcome<ServiceGuide>> LoadForEditAsync(Caller caller, int id, CancellationToken ct)
    {
        var guide = await db.ServiceGuides.Include(g => g.Texts).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (guide is null || !(await EditableAsync(caller, ct)).Contains(guide.Category)) return Refusal.NotFound(text["Office.UnknownGuide", id]);
        return guide;
    }

    public async Task<Outcome<ServiceGuide>> SaveAsync(Caller caller, int id, GuideEdit edit, CancellationToken ct)
    {
        var loaded = await LoadForEditAsync(caller, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var guide = loaded.Value!;
        if (!options.Value.Supports(edit.Lang)) return Refusal.Invalid("lang", text["Api.UnknownLang", edit.Lang, string.Join(", ", options.Value.Effective)]);
        if (edit.Version != guide.Version) return Refusal.Conflict(text["Office.Stale"]);
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value, max) in new[] { ("title", edit.Title, 200), ("summary", edit.Summary, 2000), ("bring", edit.Bring, 4000),
            ("where", edit.Where, 2000), ("howLong", edit.HowLong, 1000), ("steps", edit.Steps, 8000) })
        {
            if (TextInput.Check(value, max) is var problem and not TextProblem.None)
                errors[field] = [problem == TextProblem.TooLong ? text["Signage.TooLong", max] : text["Signage.BadText"]];
        }
        if (edit.Lang == PortalLanguages.Chinese && string.IsNullOrWhiteSpace(edit.Title)) errors["title"] = [text["Office.TitleRequired"]];
        if (edit.Lang == PortalLanguages.Chinese && string.IsNullOrWhiteSpace(edit.Steps)) errors["steps"] = [text["Office.StepsRequired"]];
        if (errors.Count > 0) return Refusal.Invalid(errors, string.Join(" ", errors.Values.SelectMany(e => e)));

        await KeepFirstVersionAsync(guide, ct);
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Replace("\r\n", "\n").Trim();
        static string? Lines(string? s) => Clean(s) is { } c ? string.Join("\n", c.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) : null;
        var t = guide.Texts.FirstOrDefault(x => x.Lang == edit.Lang);
        if (t is null) guide.Texts.Add(t = new ServiceGuideText { Lang = edit.Lang });
        t.Title = Clean(edit.Title);
        t.Summary = Clean(edit.Summary);
        t.Bring = Lines(edit.Bring);
        t.Where = Clean(edit.Where);
        t.HowLong = Clean(edit.HowLong);
        t.Steps = Lines(edit.Steps);
        guide.Version++;
        db.ServiceGuideVersions.Add(Snapshot(guide, caller.UserName));
        await db.SaveChangesAsync(ct);
        return guide;
    }

    public async Task<Outcome<ServiceGuide>> SetPublishedAsync(Caller caller, int id, bool published, CancellationToken ct)
    {
        var loaded = await LoadForEditAsync(caller, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var guide = loaded.Value!;
        if (guide.Published == published) return guide;
        await KeepFirstVersionAsync(guide, ct);
        guide.Published = published;
        guide.Version++;
        db.ServiceGuideVersions.Add(Snapshot(guide, caller.UserName));
        await db.SaveChangesAsync(ct);
        return guide;
    }

    public async Task<List<PlaceVersionItem>> VersionsAsync(int id, CancellationToken ct) =>
        (await db.ServiceGuideVersions.AsNoTracking().Where(v => v.GuideId == id).OrderByDescending(v => v.Number).Take(50).ToListAsync(ct))
            .Select(v => new PlaceVersionItem(v.Number, v.SavedAt, v.SavedBy, v.Snapshot)).ToList();

    /// <summary>Shipped guides have no history yet: the first edit keeps the state it started from.</summary>
    async Task KeepFirstVersionAsync(ServiceGuide guide, CancellationToken ct)
    {
        if (!await db.ServiceGuideVersions.AnyAsync(v => v.GuideId == guide.Id, ct)) db.ServiceGuideVersions.Add(Snapshot(guide, "seed"));
    }

    ServiceGuideVersion Snapshot(ServiceGuide guide, string by) => new()
    {
        GuideId = guide.Id, Number = guide.Version, SavedAt = clock.GetUtcNow(), SavedBy = by,
        Snapshot = JsonSerializer.Serialize(new
        {
            guide.Slug, guide.Published, guide.PlaceKeys,
            Texts = guide.Texts.OrderBy(t => t.Lang).Select(t => new { t.Lang, t.Title, t.Summary, t.Bring, t.Where, t.HowLong, t.Steps }),
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All), WriteIndented = true }),
    };
}
