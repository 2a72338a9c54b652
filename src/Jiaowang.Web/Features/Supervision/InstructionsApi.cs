using Jiaowang.Web.Features.Notifications;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Supervision;

public sealed record InstructionItem(int Id, int UnitId, int? ReportId, int? TaskId, string Text, string By, DateTimeOffset At,
    string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt)
{
    public static InstructionItem From(Instruction i) => new(i.Id, i.UnitId, i.ReportId, i.TaskId, i.Text, i.By, i.At, i.Answer, i.AnsweredBy, i.AnsweredAt);
}

public sealed record NewInstruction(string? Text);

public sealed record InstructionAnswer(string? Answer);

/// <summary>Leaders' instructions (批示) on reports and tasks, and the units' answers.</summary>
public static class InstructionsApi
{
    /// <summary>Only leaders write instructions (批示); the office relays, it does not instruct.</summary>
    public const string LeaderPolicy = "Leader";

    public static IEndpointRouteBuilder MapInstructionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/reports/{id:int}/instructions", OnReport).WithTags("Instructions").RequireAuthorization(LeaderPolicy)
            .WithSummary("A leader writes an instruction on a report; the report's unit must answer it.");
        app.MapPost("/api/tasks/{id:int}/instructions", OnTask).WithTags("Instructions").RequireAuthorization(LeaderPolicy)
            .WithSummary("A leader writes an instruction on a task; each of its lead units must answer it.");
        var instructions = app.MapGroup("/api/instructions").WithTags("Instructions").RequireAuthorization().ScopedTo(Scope.Instruction);
        instructions.MapGet("/", List).WithSummary("Instructions the caller may read: a liaison's own unit's; all for office and leaders.");
        instructions.MapPost("/{id:int}/answer", Answer).RequireAuthorization(Policies.Liaison).WithSummary("The unit's liaison answers an instruction, once.");
        return app;
    }

    static async Task<Results<Ok<List<InstructionItem>>, Refused>> OnReport(int id, NewInstruction request, Caller caller, JiaowangDb db, AuditLog audit,
        TimeProvider clock, IStringLocalizer<ReportsText> text, Shared.Notifications.INotifier notifier, CancellationToken ct)
    {
        var unitId = await db.Reports.Where(r => r.Id == id).Select(r => (int?)r.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is null) return Refusal.NotFound(text["Report.NotFound"]).ToHttp();
        var outcome = await InstructAsync(db, audit, clock, text, caller.UserName, request.Text, [unitId.Value], id, null, ct);
        if (outcome.Value is { } created) await notifier.PublishAsync(await ReportEvents.InstructedAsync(db, created, ct), ct);
        return Created(outcome);
    }

    static async Task<Results<Ok<List<InstructionItem>>, Refused>> OnTask(int id, NewInstruction request, Caller caller, JiaowangDb db, AuditLog audit,
        TimeProvider clock, IStringLocalizer<ReportsText> text, Shared.Notifications.INotifier notifier, CancellationToken ct)
    {
        var leads = await db.Assignments.Where(a => a.PlanTaskId == id && a.Role == AssignmentRole.Lead).Select(a => a.UnitId).ToListAsync(ct);
        if (leads.Count == 0) return Refusal.NotFound(text["Instruction.TaskNotFound"]).ToHttp();
        var outcome = await InstructAsync(db, audit, clock, text, caller.UserName, request.Text, leads, null, id, ct);
        if (outcome.Value is { } created) await notifier.PublishAsync(await ReportEvents.InstructedAsync(db, created, ct), ct);
        return Created(outcome);
    }

    static Results<Ok<List<InstructionItem>>, Refused> Created(Outcome<List<Instruction>> outcome) =>
        outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!.Select(InstructionItem.From).ToList());

    /// <summary>One instruction per addressed unit, saved with its audit entries; or the reason the text was refused.</summary>
    public static async Task<Outcome<List<Instruction>>> InstructAsync(JiaowangDb db, AuditLog audit, TimeProvider clock,
        IStringLocalizer<ReportsText> text, string by, string? body, IReadOnlyList<int> unitIds, int? reportId, int? taskId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body)) return Refusal.Invalid("text", text["Instruction.TextRequired"]);
        if (!RichText.IsSafePlainText(body)) return Refusal.Invalid("text", text["Text.Unsafe"]);
        var created = unitIds.Select(u => new Instruction { UnitId = u, ReportId = reportId, TaskId = taskId, Text = body.Trim(), By = by, At = clock.GetUtcNow() }).ToList();
        db.Instructions.AddRange(created);
        await audit.SaveAsync(db, by, () => created.Select(i => new AuditRecord("Instruction", i.Id.ToString(), "create", null, InstructionItem.From(i))), ct);
        return created;
    }

    static async Task<Ok<List<InstructionItem>>> List(Caller caller, JiaowangDb db, int? reportId, CancellationToken ct)
    {
        var query = db.Instructions.AsNoTracking();
        if (!caller.ReadsAll) query = query.Where(i => i.UnitId == caller.UnitId);
        if (reportId is { } r) query = query.Where(i => i.ReportId == r);
        return TypedResults.Ok((await query.OrderByDescending(i => i.Id).ToListAsync(ct)).Select(InstructionItem.From).ToList());
    }

    static async Task<Results<Ok<InstructionItem>, Refused>> Answer(int id, InstructionAnswer request, Caller caller, JiaowangDb db, AuditLog audit,
        TimeProvider clock, IStringLocalizer<ReportsText> text, CancellationToken ct)
    {
        var outcome = await AnswerAsync(caller, id, request.Answer, db, audit, clock, text, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(InstructionItem.From(outcome.Value!));
    }

    public static async Task<Outcome<Instruction>> AnswerAsync(Caller caller, int id, string? answer, JiaowangDb db, AuditLog audit, TimeProvider clock,
        IStringLocalizer<ReportsText> text, CancellationToken ct)
    {
        var instruction = await db.Instructions.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (instruction is null || !caller.WritesFor(instruction.UnitId)) return Refusal.NotFound(text["Instruction.NotFound"]);
        if (!RichText.IsSafePlainText(answer)) return Refusal.Invalid("answer", text["Text.Unsafe"]);
        var before = InstructionItem.From(instruction);
        if (instruction.Reply(answer ?? "", caller.UserName, clock.GetUtcNow()) is { } error)
        {
            return error == InstructionError.AnswerRequired
                ? Refusal.Invalid("answer", text["Instruction.AnswerRequired"])
                : Refusal.Conflict(text["Instruction.AlreadyAnswered"]);
        }
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Instruction", id.ToString(), "answer", before, InstructionItem.From(instruction))], ct);
        return instruction;
    }
}
