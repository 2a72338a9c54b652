using System.Text.Json;
using Jiaowang.Core.Input;
using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Services;

/// <summary>One language's text of a place, as the side-by-side editor sends it. For Chinese, the facts come with it.</summary>
public sealed record PlaceEdit(string Lang, int Version, string? Name, string? Address, string? Hours, string? Services,
    string? Phone = null, string? Languages = null, string? Website = null, string? Source = null, bool Confirmed = false);

public sealed record PlaceVersionItem(int Number, DateTimeOffset SavedAt, string SavedBy, string Snapshot);

/// <summary>
/// The office's and the responsible units' edits: each save keeps a version (all languages, as JSON). Liaisons edit only
/// the categories the office gave their unit (<see cref="ServiceCategoryUnit"/>). Saving evicts the cached public pages
/// (PublicCacheEviction, and ChangeNotifications for the other instances).
/// </summary>
public sealed class PlaceEditor(JiaowangDb db, TimeProvider clock, IOptions<PortalOptions> options, IStringLocalizer<ServicesText> text,
    Network.RegistrySync sync)
{
    /// <summary>The categories the caller may edit: all for the office, their unit's for a liaison, none otherwise.</summary>
    public async Task<HashSet<PlaceCategory>> EditableAsync(Caller caller, CancellationToken ct)
    {
        if (caller.IsOffice) return Enum.GetValues<PlaceCategory>().ToHashSet();
        if (!caller.IsLiaison || caller.UnitId is not { } unit) return [];
        return (await db.ServiceCategoryUnits.AsNoTracking().Where(c => c.UnitId == unit).Select(c => c.Category).ToListAsync(ct)).ToHashSet();
    }

    async Task<Outcome<Place>> LoadForEditAsync(Caller caller, int id, CancellationToken ct)
    {
        var place = await db.Places.Include(p => p.Translations).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (place is null || !(await EditableAsync(caller, ct)).Contains(place.Category)) return Refusal.NotFound(text["Api.UnknownPlace", id]);
        return place;
    }

    public async Task<Outcome<Place>> SaveAsync(Caller caller, int id, PlaceEdit edit, CancellationToken ct)
    {
        var loaded = await LoadForEditAsync(caller, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var place = loaded.Value!;
        if (!options.Value.Supports(edit.Lang)) return Refusal.Invalid("lang", text["Api.UnknownLang", edit.Lang, string.Join(", ", options.Value.Effective)]);
        if (edit.Version != place.Version) return Refusal.Conflict(text["Office.Stale"]);
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value, max) in new[] { ("name", edit.Name, 200), ("address", edit.Address, 500), ("hours", edit.Hours, 500),
            ("services", edit.Services, 2000), ("phone", edit.Phone, 100), ("languages", edit.Languages, 100), ("website", edit.Website, 500), ("source", edit.Source, 1000) })
        {
            if (TextInput.Check(value, max) is var problem and not TextProblem.None)
                errors[field] = [problem == TextProblem.TooLong ? text["Signage.TooLong", max] : text["Signage.BadText"]];
        }
        if (edit.Lang == PortalLanguages.Chinese && string.IsNullOrWhiteSpace(edit.Name)) errors["name"] = [text["Office.NameRequired"]];
        if (edit.Website is { Length: > 0 } w && !(w.StartsWith("https://", StringComparison.Ordinal) || w.StartsWith("http://", StringComparison.Ordinal)))
            errors["website"] = [text["Office.BadUrl"]];
        if (errors.Count > 0) return Refusal.Invalid(errors, string.Join(" ", errors.Values.SelectMany(e => e)));

        await KeepFirstVersionAsync(place, ct);
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        if (edit.Lang == PortalLanguages.Chinese)
        {
            place.NameZh = edit.Name!.Trim();
            place.AddressZh = Clean(edit.Address);
            place.HoursZh = Clean(edit.Hours);
            place.ServicesZh = Clean(edit.Services);
            place.Phone = Clean(edit.Phone);
            place.Languages = Clean(edit.Languages);
            place.Website = Clean(edit.Website);
            place.Source = Clean(edit.Source);
            place.Confirmed = edit.Confirmed;
            place.VerifiedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        }
        else
        {
            var t = place.Translations.FirstOrDefault(x => x.Lang == edit.Lang);
            if (t is null) place.Translations.Add(t = new PlaceTranslation { Lang = edit.Lang });
            t.Name = Clean(edit.Name);
            t.Address = Clean(edit.Address);
            t.Hours = Clean(edit.Hours);
            t.Services = Clean(edit.Services);
        }
        place.Version++;
        db.PlaceVersions.Add(Snapshot(place, caller.UserName));
        await db.SaveChangesAsync(ct);
        // Targets bound to the directory counts (ServiceHospitals …) move when a place is published or withdrawn.
        await sync.RefreshAsync(ct);
        return place;
    }

    /// <summary>
    /// Adds a place the shipped list lacks (most of the 51 international communities, for one): the office in any
    /// category, a liaison in its unit's. It starts unpublished and unconfirmed, with version 1 in its history; the
    /// editor then takes the rest (address, hours, translations) and publishes it.
    /// </summary>
    public async Task<Outcome<Place>> AddAsync(Caller caller, string? category, string? nameZh, string? district, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PlaceQuery.TryCategory(category ?? "", out var wanted))
            errors["category"] = [text["Api.UnknownCategory", category ?? "", string.Join(", ", Enum.GetValues<PlaceCategory>().Select(PlaceQuery.Code))]];
        else if (!(await EditableAsync(caller, ct)).Contains(wanted))
            return Refusal.Forbidden(text["Office.CategoryNotYours", text["Category." + PlaceQuery.Code(wanted)]]);
        if (string.IsNullOrWhiteSpace(nameZh)) errors["name"] = [text["Office.NameRequired"]];
        else if (TextInput.Check(nameZh, 200) is var problem and not TextProblem.None)
            errors["name"] = [problem == TextProblem.TooLong ? text["Signage.TooLong", 200] : text["Signage.BadText"]];
        district = string.IsNullOrWhiteSpace(district) ? null : district.Trim();
        if (district is not null && !Districts.All.Contains(district)) errors["district"] = [text["Api.UnknownDistrict", district]];
        if (errors.Count > 0) return Refusal.Invalid(errors, string.Join(" ", errors.Values.SelectMany(e => e)));

        var place = new Place
        {
            Key = $"{PlaceQuery.Code(wanted)}-office-{Guid.NewGuid():N}"[..40], Category = wanted, District = district, NameZh = nameZh!.Trim(),
            Published = false, Confirmed = false, Version = 1,
        };
        // The place and its first version are stored together, or neither is.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Places.Add(place);
        await db.SaveChangesAsync(ct);
        db.PlaceVersions.Add(Snapshot(place, caller.UserName));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return place;
    }

    public async Task<Outcome<Place>> SetPublishedAsync(Caller caller, int id, bool published, CancellationToken ct)
    {
        var loaded = await LoadForEditAsync(caller, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var place = loaded.Value!;
        if (place.Published == published) return place;
        await KeepFirstVersionAsync(place, ct);
        place.Published = published;
        place.Version++;
        db.PlaceVersions.Add(Snapshot(place, caller.UserName));
        await db.SaveChangesAsync(ct);
        // Targets bound to the directory counts (ServiceHospitals …) move when a place is published or withdrawn.
        await sync.RefreshAsync(ct);
        return place;
    }

    public async Task<List<PlaceVersionItem>> VersionsAsync(int id, CancellationToken ct) =>
        (await db.PlaceVersions.AsNoTracking().Where(v => v.PlaceId == id).OrderByDescending(v => v.Number).Take(50).ToListAsync(ct))
            .Select(v => new PlaceVersionItem(v.Number, v.SavedAt, v.SavedBy, v.Snapshot)).ToList();

    /// <summary>Shipped places have no history yet: the first edit keeps the state it started from.</summary>
    async Task KeepFirstVersionAsync(Place place, CancellationToken ct)
    {
        if (!await db.PlaceVersions.AnyAsync(v => v.PlaceId == place.Id, ct)) db.PlaceVersions.Add(Snapshot(place, "seed"));
    }

    PlaceVersion Snapshot(Place place, string by) => new()
    {
        PlaceId = place.Id, Number = place.Version, SavedAt = clock.GetUtcNow(), SavedBy = by,
        Snapshot = JsonSerializer.Serialize(new
        {
            place.NameZh, place.AddressZh, place.HoursZh, place.ServicesZh, place.Phone, place.Languages, place.Website, place.Source,
            place.Confirmed, place.Published,
            Translations = place.Translations.OrderBy(t => t.Lang).Select(t => new { t.Lang, t.Name, t.Address, t.Hours, t.Services }),
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }),
    };

    /// <summary>Sets which unit keeps a category current (office only); no unit clears it.</summary>
    public async Task<Outcome<bool>> AssignAsync(Caller caller, PlaceCategory category, int? unitId, CancellationToken ct)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Office.OnlyOffice"]);
        if (unitId is { } u && !await db.Units.AnyAsync(x => x.Id == u, ct)) return Refusal.Invalid("unitId", text["Office.UnknownUnit"]);
        var row = await db.ServiceCategoryUnits.FirstOrDefaultAsync(c => c.Category == category, ct);
        if (row is not null) db.ServiceCategoryUnits.Remove(row);
        if (unitId is { } unit)
        {
            if (row is not null) await db.SaveChangesAsync(ct);
            db.ServiceCategoryUnits.Add(new ServiceCategoryUnit { Category = category, UnitId = unit });
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
