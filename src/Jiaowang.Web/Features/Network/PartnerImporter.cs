using System.Text.Json;
using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

/// <summary>What an import did: how many partners it added, or every problem that made it store nothing.</summary>
public sealed record PartnerImportResult(int Added, IReadOnlyList<CellProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Imports a partner file (CSV or .xlsx) all-or-nothing: every row is validated first; one bad cell stores nothing.
/// Used by <c>jiaowang partners import</c>, by first-run seeding and by the demo generator.
/// </summary>
public sealed class PartnerImporter(JiaowangDb db, CountryCatalog countries, RegistrySync sync, TimeProvider clock)
{
    public async Task<PartnerImportResult> ImportAsync(string fileName, Stream content, string importedBy, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName);
        if (!PartnerFile.IsSupported(fileName))
        {
            return new(0, [new CellProblem(name, 0, "", NetworkMessages.Format("Problem.FileType", Path.GetExtension(fileName)))]);
        }
        if (PartnerFile.Read(fileName, content) is not { } sheet)
        {
            return new(0, [new CellProblem(name, 1, "", NetworkMessages.Format("Problem.Empty"))]);
        }
        var existing = await db.Partners.AsNoTracking().Select(p => new { p.CountryCode, p.NameEn }).ToListAsync(ct);
        var result = PartnerRows.Validate(name, sheet.Header, sheet.Rows, countries, existing.Select(e => (e.CountryCode, e.NameEn)));
        if (!result.Ok) return new(0, result.Problems);
        return new(await StoreAsync(result.Partners, importedBy, $"imported from {name}", ct), []);
    }

    /// <summary>Stores validated partners, each with its "imported" change, and refreshes bound targets: one transaction.</summary>
    public async Task<int> StoreAsync(IReadOnlyList<PartnerDraft> drafts, string importedBy, string note, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var partners = drafts.Select(d => d.ToPartner(now)).ToList();
            foreach (var partner in partners)
            {
                partner.Changes.Add(new PartnerChange
                {
                    ChangedAt = now,
                    ChangedBy = importedBy,
                    Action = "imported",
                    ChangesJson = JsonSerializer.Serialize(new { note, after = PartnerSnapshot.Of(partner) }, PartnerSnapshot.Json),
                });
            }
            db.Partners.AddRange(partners);
            await db.SaveChangesAsync(ct);
            await sync.RefreshAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return partners.Count;
        });
    }
}
