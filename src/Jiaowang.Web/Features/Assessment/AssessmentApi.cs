using Jiaowang.Core.Assessment;
using Jiaowang.Core.Spreadsheets;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Extensions;
using Jiaowang.Web.Features.Spreadsheets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Assessment;

/// <summary>Points per criterion (0–100 each); the maximum score is their sum.</summary>
public sealed record WeightsChange(int ReportsOnTime, int AcceptedFirstTime, int NoExtensions, int FollowUpsClosed, int InstructionsAnswered,
    int NoticesAnsweredInTime, int Satisfaction);

public static class AssessmentApi
{
    public static IServiceCollection AddAssessment(this IServiceCollection services) => services.AddScoped<AssessmentQuery>();

    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/plans/{id:int}/assessment").WithTags("Assessment").RequireAuthorization(Policies.ReadAll);
        plan.MapGet("/", Get).WithSummary("结果考评: each reporting unit's score over a phase (?phase=) or the plan, ranked, with the points each criterion cost.");
        plan.MapGet("/assessment.xlsx", Export).Produces(StatusCodes.Status200OK, contentType: SpreadsheetsApi.XlsxType)
            .WithSummary("The same assessment as an Excel workbook: the ranking and, per unit, what cost points.");
        plan.MapPut("/weights", SetWeights).RequireAuthorization(Policies.Office).WithSummary("The office sets the plan's weights (points per criterion).");
        return app;
    }

    static async Task<Results<Ok<AssessmentResult>, NotFound>> Get(int id, int? phase, AssessmentQuery query, CancellationToken ct) =>
        await query.RunAsync(id, phase, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    static async Task<Results<Ok<AssessmentWeights>, NotFound, Refused>> SetWeights(int id, WeightsChange change, Caller caller, JiaowangDb db, AuditLog audit,
        IStringLocalizer<InstrumentsText> text, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        var weights = new AssessmentWeights(change.ReportsOnTime, change.AcceptedFirstTime, change.NoExtensions, change.FollowUpsClosed,
            change.InstructionsAnswered, change.NoticesAnsweredInTime, change.Satisfaction);
        var outcome = await SaveWeightsAsync(db, audit, text, id, weights, caller.UserName, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
    }

    /// <summary>Checks and stores a plan's weights (the API and <c>/office/assessment</c>); a bad weight is named by its criterion.</summary>
    public static async Task<Outcome<AssessmentWeights>> SaveWeightsAsync(JiaowangDb db, AuditLog audit, IStringLocalizer<InstrumentsText> text, int planId,
        AssessmentWeights weights, string by, CancellationToken ct)
    {
        if (weights.Invalid() is { } field) return Refusal.Invalid(field, text["Assessment.WeightRange", text["Criterion." + field]]);
        if (weights.Total == 0) return Refusal.Invalid("reportsOnTime", text["Assessment.WeightsZero"]);
        var row = await db.AssessmentWeights.FirstOrDefaultAsync(w => w.PlanId == planId, ct);
        var before = row?.ToWeights();
        if (row is null) db.AssessmentWeights.Add(row = new PlanAssessmentWeights { PlanId = planId });
        row.Set(weights);
        await audit.SaveAsync(db, by, () => [new AuditRecord("AssessmentWeights", planId.ToString(), "edit", before, weights)], ct);
        return weights;
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Export(int id, int? phase, AssessmentQuery query, JiaowangDb db, IStringLocalizer<InstrumentsText> text,
        CancellationToken ct)
    {
        if (await query.RunAsync(id, phase, ct) is not { } result) return TypedResults.NotFound();
        var title = await db.Plans.Where(p => p.Id == id).Select(p => p.Title).FirstAsync(ct);
        return TypedResults.File(Workbook(result, text), SpreadsheetsApi.XlsxType, SpreadsheetsApi.FileName(title, "结果考评-" + result.AsOf.ToString("yyyy-MM-dd")));
    }

    /// <summary>Two sheets: the ranking with each criterion's points, and one row per criterion that cost a unit points.</summary>
    public static byte[] Workbook(AssessmentResult result, IStringLocalizer<InstrumentsText> text)
    {
        var codes = result.Weights.All.Select(w => w.Code).ToList();
        var ranking = new XlsxSheet("考评排名", [new XlsxColumn("名次 Rank", 8, CellKind.Number), new XlsxColumn("单位 Unit", 30),
            new XlsxColumn("得分 Score", 10, CellKind.Number), new XlsxColumn("满分 Max", 10, CellKind.Number),
            .. codes.Select(c => new XlsxColumn(text["Criterion." + c], 16, CellKind.Number))]);
        foreach (var u in result.Units)
            ranking.Rows.Add([u.Rank, u.UnitName, u.Score, u.Max, .. u.Items.Select(i => (object?)i.Earned)]);
        var costs = new XlsxSheet("失分说明", [new XlsxColumn("单位 Unit", 30), new XlsxColumn("项目 Criterion", 24),
            new XlsxColumn("达标 Good", 10, CellKind.Number), new XlsxColumn("应办 Of", 10, CellKind.Number), new XlsxColumn("失分 Lost", 10, CellKind.Number)]);
        foreach (var u in result.Units)
            foreach (var c in u.Costs) costs.Rows.Add([u.UnitName, (string)text["Criterion." + c.Code], c.Good, c.Of, c.Lost]);
        return XlsxWriter.Write([ranking, costs]);
    }
}
