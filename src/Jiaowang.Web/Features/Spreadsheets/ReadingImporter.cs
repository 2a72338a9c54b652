using Jiaowang.Core.Plans;
using Jiaowang.Core.Spreadsheets;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared;

namespace Jiaowang.Web.Features.Spreadsheets;

/// <summary>What an import did, or would do on a dry run.</summary>
public sealed record ReadingImportSummary(int Added, int Changed, int Unchanged, IReadOnlyList<ReadingImportRow> Rows);

/// <param name="Change">added, changed or unchanged.</param>
public sealed record ReadingImportRow(int Row, int TargetNumber, string Target, DateOnly AsOf, decimal Value, decimal? Before, string Change);

/// <summary>One bad cell, as the API's 422 lists it.</summary>
/// <param name="Row">The row number as Excel shows it; null for a problem with the whole file.</param>
/// <param name="Column">The column letter, e.g. "D".</param>
public sealed record ImportError(string Sheet, int? Row, string? Column, string? Header, string Message)
{
    public static ImportError From(SheetProblem p) => new(p.Sheet, p.Row, p.Column, p.Header, p.Message);
}

/// <summary>
/// Imports a readings workbook into one plan, all or nothing: every row is checked first (<see cref="ReadingImport"/>),
/// then the new and corrected readings are saved with one audit entry in one transaction.
/// </summary>
public sealed class ReadingImporter(JiaowangDb db, AuditLog audit, TimeProvider clock)
{
    /// <returns>Null when the plan does not exist.</returns>
    public async Task<(ReadingImportSummary? Summary, IReadOnlyList<ImportError> Errors)?> ImportAsync(int planId, Stream xlsx, string fileName,
        string actor, bool dryRun, CancellationToken ct = default)
    {
        if (await PlanExport.TargetsAsync(db, planId, ct) is not { } plan) return null;
        var stored = (await PlanExport.CurrentReadingsAsync(db, planId, ct)).ToDictionary(r => (r.TargetId, r.AsOf), r => r.Value);
        var context = new ReadingImportContext(plan.Targets, plan.SpanStart, plan.SpanEnd, clock.Today(), stored, RichText.IsSafePlainText);
        var result = ReadingImport.Check(xlsx, context);
        if (!result.Ok) return (null, result.Problems.Select(ImportError.From).ToList());

        var summary = new ReadingImportSummary(result.Added, result.Changed, result.Unchanged, result.Changes
            .Select(c => new ReadingImportRow(c.Row, c.Target.Number, c.Target.Name, c.AsOf, c.Value, c.Before, c.Kind.ToString().ToLowerInvariant()))
            .ToList());
        var writes = result.Changes.Where(c => c.Kind != ReadingChangeKind.Unchanged).ToList();
        if (dryRun || writes.Count == 0) return (summary, []);

        var now = clock.GetUtcNow();
        // Readings are never edited (docs/DATA.md): a changed value is a new reading for the same date, which then counts.
        var readings = writes.Select(c => new Reading
        {
            TargetId = c.Target.Id, AsOf = c.AsOf, Value = c.Value, Origin = ReadingOrigin.Manual, RecordedBy = actor, RecordedAt = now,
            Source = c.Note ?? $"Excel: {Path.GetFileName(fileName)}",
        }).ToList();
        db.Readings.AddRange(readings);
        await audit.SaveAsync(db, actor, () =>
        [
            new AuditRecord("ReadingImport", planId.ToString(), "import", null, new
            {
                File = Path.GetFileName(fileName), summary.Added, summary.Changed, summary.Unchanged,
                Readings = writes.Zip(readings, (c, r) => new { r.Id, c.Row, TargetId = c.Target.Id, c.AsOf, c.Value, c.Before }),
            }),
        ], ct);
        return (summary, []);
    }
}
