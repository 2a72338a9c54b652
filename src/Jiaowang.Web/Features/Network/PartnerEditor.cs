using Jiaowang.Web.Features.Audit;
using System.Globalization;
using System.Text.Json;
using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

/// <summary>A partner as the office enters or edits it; validated by the same rules as a file row.</summary>
public sealed record PartnerInput(string? CityEn, string? CityZh, string? Country, string? Kind, int? YearEstablished, string? EstablishedOn,
    string? Status, string? EndedOn, double? Latitude, double? Longitude, string? Notes, string? Source)
{
    public static PartnerInput From(PartnerItem p, string? notes) => new(p.NameEn, p.NameZh, p.CountryCode, p.KindText, p.EstablishedYear,
        p.EstablishedOn?.ToString("yyyy-MM-dd"), p.Status, p.EndedOn?.ToString("yyyy-MM-dd"), p.Latitude, p.Longitude, notes, p.Source);
}

/// <summary>Outcome of a create or edit: the stored partner, or the problems keyed by column (city_en, country …).</summary>
public sealed record PartnerEditResult(PartnerItem? Partner, IReadOnlyDictionary<string, string[]> Problems, bool NotFound = false);

/// <summary>
/// Creates and edits partners for the pages and the API alike. Partners are never deleted (status ended instead); each
/// edit that changes something is kept as a PartnerChange with the fields before and after; bound targets are refreshed.
/// </summary>
public sealed class PartnerEditor(JiaowangDb db, CountryCatalog countries, PartnerImporter importer, RegistrySync sync, TimeProvider clock, AuditLog audit)
{
    PartnerRowsResult Validate(PartnerInput input, IEnumerable<(string, string)> existing)
    {
        string?[] cells =
        [
            input.CityEn, input.CityZh, input.Country, input.Kind, input.YearEstablished?.ToString(CultureInfo.InvariantCulture), input.EstablishedOn,
            input.Status, input.EndedOn, input.Latitude?.ToString(CultureInfo.InvariantCulture), input.Longitude?.ToString(CultureInfo.InvariantCulture),
            input.Notes, input.Source, null,
        ];
        // An import skips blank rows, but an empty form is a mistake: a placeholder note makes the row count, so the
        // required fields are named instead of nothing being stored and nothing said.
        if (cells.All(string.IsNullOrWhiteSpace)) cells[10] = "-";
        return PartnerRows.Validate("form", PartnerRows.Columns, [(1, cells.Select(c => c ?? "").ToList())], countries, existing);
    }

    static Dictionary<string, string[]> Problems(PartnerRowsResult result) =>
        result.Problems.GroupBy(p => p.Column).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    public async Task<PartnerEditResult> CreateAsync(PartnerInput input, string user, CancellationToken ct)
    {
        var existing = await db.Partners.AsNoTracking().Select(p => new { p.CountryCode, p.NameEn }).ToListAsync(ct);
        var result = Validate(input, existing.Select(e => (e.CountryCode, e.NameEn)));
        if (!result.Ok) return new(null, Problems(result));
        await importer.StoreAsync(result.Partners, user, "entered by the office", ct);
        var draft = result.Partners[0];
        var stored = await db.Partners.AsNoTracking().SingleAsync(p => p.CountryCode == draft.CountryCode && p.NameEn == draft.NameEn, ct);
        return new(PartnerQuery.ToItem(stored, countries), new Dictionary<string, string[]>());
    }

    public async Task<PartnerEditResult> EditAsync(int id, PartnerInput input, string user, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return new(null, new Dictionary<string, string[]>(), NotFound: true);
        var others = await db.Partners.AsNoTracking().Where(p => p.Id != id).Select(p => new { p.CountryCode, p.NameEn }).ToListAsync(ct);
        var result = Validate(input, others.Select(e => (e.CountryCode, e.NameEn)));
        if (!result.Ok) return new(null, Problems(result));

        var before = PartnerSnapshot.Of(partner);
        var d = result.Partners[0];
        (partner.NameEn, partner.NameZh, partner.CountryCode, partner.Kind, partner.EstablishedYear, partner.EstablishedOn) =
            (d.NameEn, d.NameZh, d.CountryCode, d.Kind, d.EstablishedYear, d.EstablishedOn);
        (partner.Status, partner.EndedOn, partner.Latitude, partner.Longitude, partner.Notes, partner.Source) =
            (d.Status, d.EndedOn, d.Latitude, d.Longitude, d.Notes, d.Source);
        var changes = PartnerSnapshot.Diff(before, PartnerSnapshot.Of(partner));
        if (changes.Count > 0)
        {
            db.PartnerChanges.Add(new PartnerChange
            {
                PartnerId = id, ChangedAt = clock.GetUtcNow(), ChangedBy = user, Action = "edited",
                ChangesJson = JsonSerializer.Serialize(changes, PartnerSnapshot.Json),
            });
            // The edit also goes into the platform's hash-chained audit log, like every other change the office makes.
            var after = PartnerSnapshot.Of(partner);
            await audit.SaveAsync(db, user, () => [new AuditRecord("Partner", id.ToString(CultureInfo.InvariantCulture), "edited", before, after)], ct);
            await sync.RefreshAsync(ct);
        }
        return new(PartnerQuery.ToItem(partner, countries), new Dictionary<string, string[]>());
    }
}
