using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Plans;

public enum PlanImportStatus
{
    Imported,
    Replaced,
    /// <summary>The same plan is stored already and nothing was changed.</summary>
    AlreadyImported,
    /// <summary>
    /// Replace was asked for, but the stored plan already has a history — reports, meetings or a satisfaction vote —
    /// which a replacement would lose: it is kept and nothing changed.
    /// </summary>
    HasReports,
}

public sealed record PlanImportOutcome(PlanImportStatus Status, int PlanId, string Title, DateTimeOffset ImportedAt, bool SameText);

/// <summary>Stores a parsed plan in one transaction: either all of it is stored, or nothing changes.</summary>
public sealed class PlanImporter(JiaowangDb db, TimeProvider clock)
{
    public async Task<PlanImportOutcome> ImportAsync(ParsedPlan parsed, string sourceName, string sourceText, bool replace, CancellationToken ct = default)
    {
        var hash = PlanBuilder.Fingerprint(sourceText);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var existing = await FindSamePlanAsync(parsed, hash, ct);
            if (existing is not null && !replace)
            {
                return new PlanImportOutcome(PlanImportStatus.AlreadyImported, existing.Id, existing.Title, existing.ImportedAt, existing.SourceHash == hash);
            }
            if (existing is not null && (await db.Reports.AnyAsync(r => db.Periods.Any(p => p.Id == r.PeriodId && p.PlanId == existing.Id), ct)
                || await db.Meetings.AnyAsync(m => m.PlanId == existing.Id, ct)
                || await db.Evaluations.AnyAsync(e => e.PlanId == existing.Id, ct)))
            {
                return new PlanImportOutcome(PlanImportStatus.HasReports, existing.Id, existing.Title, existing.ImportedAt, existing.SourceHash == hash);
            }
            // The members the office named for a task's 各相关区人民政府 belong to the task as the document numbers it:
            // a replacement of the same plan keeps them for the task of the same number that still names the group.
            var existingId = existing?.Id ?? 0;
            var chosen = await db.ChosenMembers.Where(c => c.Task!.Group!.PlanId == existingId)
                .Select(c => new { c.Task!.Number, c.GroupId, c.MemberId }).ToListAsync(ct);
            if (existing is not null)
            {
                db.Plans.Remove(existing);
                await db.SaveChangesAsync(ct);
            }

            var names = parsed.Units.ToList();
            var known = await db.Units.Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, ct);
            var plan = PlanBuilder.Build(parsed, sourceName, sourceText, name => known.GetValueOrDefault(name), clock.GetUtcNow());
            db.Plans.Add(plan);
            await db.SaveChangesAsync(ct);
            if (chosen.Count > 0)
            {
                var tasks = plan.TaskGroups.SelectMany(g => g.Tasks).ToList();
                db.ChosenMembers.AddRange(chosen
                    .Select(c => (c, Task: tasks.FirstOrDefault(t => t.Number == c.Number && t.Assignments.Any(a => a.UnitId == c.GroupId))))
                    .Where(x => x.Task is not null)
                    .Select(x => new ChosenMember { PlanTaskId = x.Task!.Id, GroupId = x.c.GroupId, MemberId = x.c.MemberId }));
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return new PlanImportOutcome(existing is null ? PlanImportStatus.Imported : PlanImportStatus.Replaced, plan.Id, plan.Title, plan.ImportedAt, true);
        });
    }

    /// <summary>The same text, or a plan with the same document number (or title, when it has none).</summary>
    async Task<Plan?> FindSamePlanAsync(ParsedPlan parsed, string hash, CancellationToken ct)
    {
        var byText = await db.Plans.FirstOrDefaultAsync(p => p.SourceHash == hash, ct);
        if (byText is not null) return byText;
        return parsed.DocumentNumber is { } number
            ? await db.Plans.FirstOrDefaultAsync(p => p.DocumentNumber == number, ct)
            : await db.Plans.FirstOrDefaultAsync(p => p.DocumentNumber == null && p.Title == parsed.Title, ct);
    }
}
