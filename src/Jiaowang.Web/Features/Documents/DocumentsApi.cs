using System.Globalization;
using Jiaowang.Core.Documents.Word;
using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Evaluations;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Documents;

/// <summary>Settings for the Word documents (section "Documents").</summary>
public sealed class DocumentOptions
{
    /// <summary>发文机关署名 at the end of every document.</summary>
    public string IssuingOffice { get; set; } = "中共武汉市委外事工作委员会办公室";

    /// <summary>
    /// Official: runs name 方正小标宋简体/仿宋_GB2312/黑体/楷体_GB2312 (right on office PCs; Linux needs the fontconfig file
    /// in scripts/fontconfig). Installed: runs name the Noto CJK faces directly. See docs/DOCUMENTS.md.
    /// </summary>
    public FontChoice Fonts { get; set; } = FontChoice.Official;
}

/// <summary>Marker for the documents feature's strings: DocumentsText.resx (Chinese, neutral) and DocumentsText.en.resx.</summary>
public sealed class DocumentsText;

public static class DocumentsApi
{
    const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<DocumentOptions>(configuration.GetSection("Documents"));

    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/plans/{id:int}").WithTags("Documents").RequireAuthorization(Policies.ReadAll);
        documents.MapGet("/bulletin.docx", Bulletin).Produces(StatusCodes.Status200OK, contentType: Docx)
            .WithSummary("Progress bulletin (工作通报) for from–to (yyyy-MM-dd; default: the plan's first day to today), in the official document layout.");
        documents.MapGet("/summary.docx", Summary).Produces(StatusCodes.Status200OK, contentType: Docx)
            .WithSummary("The city-wide final summary (办理工作总结): units' accepted summaries per task, targets, overdue and returned counts, satisfaction results.");
        return documents;
    }

    static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Bulletin(int id, string? from, string? to, JiaowangDb db,
        TimeProvider clock, IOptions<ReportingOptions> reporting, IOptions<DocumentOptions> options, IStringLocalizer<DocumentsText> text, CancellationToken ct)
    {
        var today = clock.Today();
        var plan = await PlanRecord.LoadAsync(db, id, clock.LocalTimeZone, reporting.Value, ct);
        if (plan is null) return TypedResults.NotFound();

        var errors = new Dictionary<string, string[]>();
        DateOnly? Parse(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            errors[name] = [text["Error.Date", name, value]];
            return null;
        }
        var start = Parse("from", from) ?? plan.Span?.Start.FirstDay ?? today;
        var end = Parse("to", to) ?? today;
        if (errors.Count == 0 && end < start) errors["to"] = [text["Error.Reversed", TextSetup.Day(start), TextSetup.Day(end)]];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, text["Error.Title"]);

        var named = (await Escalation.LadderQueries.ForBulletinAsync(db, new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue),
                clock.LocalTimeZone.GetUtcOffset(end.ToDateTime(TimeOnly.MinValue))), ct, planId: id))
            .Select(m => (m.UnitName, m.Text.Split('：')[0])).ToList();
        var document = BulletinDocument.Build(plan, start, end, today, options.Value.IssuingOffice, options.Value.Fonts, named);
        return TypedResults.File(document.ToBytes(), Docx, DocumentParts.FileName($"{plan.Subject}-工作通报-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.docx"));
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Summary(int id, JiaowangDb db, TimeProvider clock,
        IOptions<ReportingOptions> reporting, IOptions<DocumentOptions> options, IOptions<EvaluationOptions> evaluations, Assessment.AssessmentQuery assessments,
        CancellationToken ct)
    {
        var plan = await PlanRecord.LoadAsync(db, id, clock.LocalTimeZone, reporting.Value, ct);
        if (plan is null) return TypedResults.NotFound();
        // Below the minimum number of ballots the results carry the turnout only, and the summary says too few voted.
        var satisfaction = await EvaluationQueries.LatestClosedResultsAsync(db, id, clock.GetUtcNow(), evaluations.Value.MinimumBallots, ct);
        // The summary prints the closing day as Wuhan reads it (Beijing time, as the vote's form), not as stored (UTC).
        if (satisfaction is not null) satisfaction = satisfaction with { ClosedAt = Format.InBeijing(satisfaction.ClosedAt) };
        // The whole plan's assessment, with the weights the office set (结果考评, docs/SUPERVISION.md).
        var assessment = await assessments.RunAsync(id, phase: null, ct);
        var document = SummaryDocument.Build(plan, clock.Today(), options.Value.IssuingOffice, satisfaction, options.Value.Fonts, assessment);
        return TypedResults.File(document.ToBytes(), Docx, DocumentParts.FileName($"{plan.Subject}-工作总结-{clock.Today():yyyy-MM-dd}.docx"));
    }
}
