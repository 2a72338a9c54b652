using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Tasks;

public sealed record WorkPlanMeasureInput(string? Text, DateOnly? Start, DateOnly? Due);

/// <summary>What a unit's liaison writes: the plan's text and its own measures with dates (either may stand alone when a file is uploaded).</summary>
public sealed record WorkPlanInput(string? Text, IReadOnlyList<WorkPlanMeasureInput>? Measures);

/// <summary>The office's comment on accepting (optional) or returning (required) a work plan.</summary>
public sealed record WorkPlanReview(string? Comment);

public sealed record WorkPlanMeasureItem(int Id, int Position, string Text, DateOnly? Start, DateOnly? Due);

public sealed record WorkPlanFileItem(string FileName, string ContentType, long Size, string Sha256);

/// <summary>A unit's work plan (具体工作方案) for a task, with its state (submitted, accepted, returned) and the office's comment.</summary>
public sealed record WorkPlanItem(int Id, int TaskId, string TaskTitle, int UnitId, string Unit, string Text, string State, string? ReviewComment,
    string? ReviewedBy, DateTimeOffset? ReviewedAt, string SubmittedBy, DateTimeOffset SubmittedAt, WorkPlanFileItem? File,
    IReadOnlyList<WorkPlanMeasureItem> Measures)
{
    public static string StateName(WorkPlanState state) => state.ToString().ToLowerInvariant();

    public static WorkPlanItem From(WorkPlan p, string taskTitle, string unit) =>
        new(p.Id, p.PlanTaskId, taskTitle, p.UnitId, unit, p.Text, StateName(p.State), p.ReviewComment, p.ReviewedBy, p.ReviewedAt, p.SubmittedBy, p.SubmittedAt,
            p.FileName is { } name ? new WorkPlanFileItem(name, p.FileType!, p.FileContent?.Length ?? 0, p.FileSha256!) : null,
            p.Measures.OrderBy(m => m.Position).Select(m => new WorkPlanMeasureItem(m.Id, m.Position, m.Text, m.Start, m.Due)).ToList());
}

/// <summary>
/// Units' own work plans: a responsible unit (lead or co-unit of the task) writes or uploads its plan; only its own
/// liaison edits it, only staff who read all and that unit see it; the office accepts it or returns it with a comment.
/// </summary>
public sealed class WorkPlanActions(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int MaxMeasures = 30;

    static object Snapshot(WorkPlan p) => new
    {
        p.PlanTaskId, p.UnitId, p.Text, state = WorkPlanItem.StateName(p.State), p.ReviewComment, p.FileName, p.FileSha256,
        measures = p.Measures.OrderBy(m => m.Position).Select(m => new { m.Text, m.Start, m.Due }).ToList(),
    };

    /// <summary>The work plan if the caller may see it: staff who read all, or the plan's own unit.</summary>
    public async Task<WorkPlan?> FindAsync(Caller caller, int id, CancellationToken ct = default)
    {
        var plan = await db.WorkPlans.Include(p => p.Measures).FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan is not null && caller.CanSee(plan.UnitId) ? plan : null;
    }

    public async Task<WorkPlanItem> ItemAsync(WorkPlan plan, CancellationToken ct = default)
    {
        var names = await db.Tasks.Where(t => t.Id == plan.PlanTaskId).Select(t => new { t.Title, Unit = db.Units.Where(u => u.Id == plan.UnitId).Select(u => u.Name).FirstOrDefault() }).FirstAsync(ct);
        return WorkPlanItem.From(plan, names.Title, names.Unit ?? "");
    }

    /// <summary>The task's work plans the caller may see: every unit's for staff who read all, the caller's unit's for a liaison.</summary>
    public async Task<List<WorkPlanItem>> ForTaskAsync(Caller caller, int taskId, CancellationToken ct = default)
    {
        var query = db.WorkPlans.AsNoTracking().Include(p => p.Measures).Where(p => p.PlanTaskId == taskId);
        if (!caller.ReadsAll) query = caller.UnitId is { } unit ? query.Where(p => p.UnitId == unit) : query.Where(p => false);
        var plans = await query.OrderBy(p => p.UnitId).ToListAsync(ct);
        var title = await db.Tasks.Where(t => t.Id == taskId).Select(t => t.Title).FirstOrDefaultAsync(ct) ?? "";
        var ids = plans.Select(p => p.UnitId).ToList();
        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return plans.Select(p => WorkPlanItem.From(p, title, units.GetValueOrDefault(p.UnitId, ""))).ToList();
    }

    /// <summary>The caller's unit writes (or rewrites) its work plan for the task; the plan goes (back) to the office.</summary>
    public async Task<Outcome<WorkPlan>> SaveAsync(Caller caller, int taskId, WorkPlanInput? input, CancellationToken ct = default, bool allowEmpty = false)
    {
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.Id, PlanId = t.Group!.PlanId }).FirstOrDefaultAsync(ct);
        if (task is null) return Refusal.NotFound(text["Measures.TaskNotFound"]);
        if (caller.UnitId is not { } unitId || !await db.Assignments.AnyAsync(a => a.PlanTaskId == taskId && a.UnitId == unitId, ct))
            return Refusal.Forbidden(text["WorkPlan.NotResponsible"]);
        if (await Plans.PlanLifecycles.RefuseIfClosedAsync(db, task.PlanId, text, ct) is { } closed) return closed;

        var problems = new Dictionary<string, string[]>();
        var body = (input?.Text ?? "").Trim();
        if (body.Length > 20000) problems["text"] = [text["WorkPlan.TextTooLong", 20000]];
        else if (!RichText.IsSafePlainText(body)) problems["text"] = [text["WorkPlan.TextUnsafe"]];
        var measures = input?.Measures ?? [];
        if (measures.Count > MaxMeasures) problems["measures"] = [text["WorkPlan.TooManyMeasures", MaxMeasures]];
        for (var i = 0; i < measures.Count && i < MaxMeasures; i++)
        {
            var m = measures[i];
            var line = (m?.Text ?? "").Trim();
            if (line.Length == 0 || line.Length > 1000) problems[$"measures[{i}].text"] = [text["WorkPlan.MeasureText", i + 1, 1000]];
            else if (!RichText.IsSafePlainText(line)) problems[$"measures[{i}].text"] = [text["WorkPlan.TextUnsafe"]];
            if (m?.Start is { } s && m.Due is { } d && d < s) problems[$"measures[{i}].due"] = [text["WorkPlan.MeasureDates", i + 1]];
        }
        var existing = await db.WorkPlans.Include(p => p.Measures).FirstOrDefaultAsync(p => p.PlanTaskId == taskId && p.UnitId == unitId, ct);
        if (problems.Count == 0 && !allowEmpty && body.Length == 0 && measures.Count == 0 && existing?.FileName is null)
            problems["text"] = [text["WorkPlan.Empty"]];
        if (problems.Count > 0) return Refusal.Invalid(problems, string.Join(" ", problems.Values.SelectMany(v => v)));

        var now = clock.GetUtcNow();
        var before = existing is null ? null : Snapshot(existing);
        var plan = existing ?? new WorkPlan { PlanTaskId = taskId, UnitId = unitId, SubmittedBy = caller.UserName, SubmittedAt = now };
        if (existing is null) db.WorkPlans.Add(plan);
        plan.Text = body;
        db.WorkPlanMeasures.RemoveRange(plan.Measures);
        plan.Measures = measures.Select((m, i) => new WorkPlanMeasure { Position = i, Text = m.Text!.Trim(), Start = m.Start, Due = m.Due }).ToList();
        plan.Resubmit(caller.UserName, now);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("WorkPlan", plan.Id.ToString(), existing is null ? "create" : "edit", before, Snapshot(plan))], ct);
        return plan;
    }

    /// <summary>The unit uploads its work plan as a document (Word or PDF, type checked by content); the plan goes (back) to the office.</summary>
    public async Task<Outcome<WorkPlan>> AttachAsync(Caller caller, int id, string fileName, byte[] content, CancellationToken ct = default)
    {
        var plan = await FindAsync(caller, id, ct);
        if (plan is null) return Refusal.NotFound(text["WorkPlan.NotFound"]);
        if (!caller.WritesFor(plan.UnitId)) return Refusal.Forbidden(text["WorkPlan.NotYourUnit"]);
        var (name, type, refused) = CheckFile(fileName, content);
        if (refused is not null) return refused;
        var before = Snapshot(plan);
        plan.FileName = name;
        plan.FileType = type;
        plan.FileContent = content;
        plan.FileSha256 = AttachmentRules.Hash(content);
        plan.Resubmit(caller.UserName, clock.GetUtcNow());
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("WorkPlan", plan.Id.ToString(), "upload", before, Snapshot(plan))], ct);
        return plan;
    }

    /// <summary>The file's name and checked type, or why it is refused.</summary>
    (string Name, string? Type, Refusal? Refused) CheckFile(string fileName, byte[] content)
    {
        var name = Path.GetFileName(fileName.Trim());
        if (name.Length == 0 || name.Length > 200 || !RichText.IsSafePlainText(name)) return (name, null, Refusal.Invalid("fileName", text["WorkPlan.BadFileName"]));
        var (type, error) = AttachmentRules.Check(name, content);
        if (error is { } e) return (name, null, Refusal.Invalid("file", text[$"WorkPlan.File{e}"]));
        // A work plan is a document: Word or PDF, not a spreadsheet or a photo.
        if (type is not ("application/pdf" or "application/msword" or "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
            return (name, null, Refusal.Invalid("file", text["WorkPlan.FileType"]));
        return (name, type, null);
    }

    /// <summary>The page's upload: the caller's unit's plan for the task, made by the upload when the unit has none yet.</summary>
    public async Task<Outcome<WorkPlan>> UploadForTaskAsync(Caller caller, int taskId, string fileName, byte[] content, CancellationToken ct = default)
    {
        var own = caller.UnitId is { } unit ? await db.WorkPlans.Where(p => p.PlanTaskId == taskId && p.UnitId == unit).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) : null;
        if (own is { } id) return await AttachAsync(caller, id, fileName, content, ct);
        if (CheckFile(fileName, content).Refused is { } refused) return refused;
        var created = await SaveAsync(caller, taskId, new WorkPlanInput(null, null), ct, allowEmpty: true);
        return created.Refusal is { } refusal ? refusal : await AttachAsync(caller, created.Value!.Id, fileName, content, ct);
    }

    /// <summary>The office accepts a submitted work plan, or returns it with a comment saying what to change.</summary>
    public async Task<Outcome<WorkPlan>> ReviewAsync(Caller caller, int id, bool accept, string? comment, CancellationToken ct = default)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["WorkPlan.OfficeOnly"]);
        var plan = await FindAsync(caller, id, ct);
        if (plan is null) return Refusal.NotFound(text["WorkPlan.NotFound"]);
        if ((comment?.Length ?? 0) > 2000 || !RichText.IsSafePlainText(comment)) return Refusal.Invalid("comment", text["WorkPlan.CommentBad", 2000]);
        var before = Snapshot(plan);
        if (plan.Review(accept, comment, caller.UserName, clock.GetUtcNow()) is { } error)
            return error == WorkPlanError.CommentRequired
                ? Refusal.Invalid("comment", text["WorkPlan.CommentRequired"])
                : Refusal.Conflict(text["WorkPlan.NotSubmitted", text[$"WorkPlan.State.{plan.State}"]]);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("WorkPlan", plan.Id.ToString(), accept ? "accept" : "return", before, Snapshot(plan))], ct);
        return plan;
    }
}
