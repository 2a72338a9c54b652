using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Documents;
using Jiaowang.Web.Shared.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Notices;

/// <summary>Supervision notices (督办单): the office issues and verifies, the unit's liaison answers.</summary>
public static class NoticesApi
{
    const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddScoped<NoticeService>();
        services.AddScoped<NoticeColours>();
        return services;
    }

    public static RouteGroupBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var notices = app.MapGroup("/api/notices").WithTags("Notices").RequireAuthorization().ScopedTo(Scope.Notice);
        notices.MapGet("/", List).WithSummary("Notices the caller may read (office and leaders: all; a liaison: its unit's), newest first; filter by status (open, answered, closed, unclosed) and colour (blue, yellow, red).");
        notices.MapPost("/", Issue).RequireAuthorization(Policies.Office)
            .WithSummary("The office issues a notice to a unit about a report (report:12), a report owed (owed:{periodId}:{taskId|final}), an unanswered instruction (instruction:5) or a follow-up (followUp:3).");
        notices.MapGet("/{id:int}", Get).WithSummary("One notice with its history: the ladder steps that led to it, issue, answers, verifications.");
        notices.MapGet("/{id:int}/notice.docx", Document).Produces(StatusCodes.Status200OK, contentType: Docx)
            .WithSummary("The notice as a Word document in the official layout (督办通知单).");
        notices.MapPost("/{id:int}/answer", Answer).RequireAuthorization(Policies.Liaison).WithSummary("The unit's liaison answers (答复), asking to close the notice.");
        notices.MapPost("/{id:int}/verify", Verify).RequireAuthorization(Policies.Office)
            .WithSummary("The office verifies (复核) an answered notice: close it (办结销号) or reopen it with a comment.");
        return notices;
    }

    static async Task<Ok<NoticePage>> List(Caller caller, JiaowangDb db, NoticeColours colours, string? status, string? colour, string? sort, int? page, int? pageSize,
        CancellationToken ct) =>
        TypedResults.Ok(await NoticeQueries.ListAsync(db, colours, caller, status, colour, sort, page ?? 1, pageSize ?? NoticeQueries.PageSize, ct));

    static async Task<Results<Created<IssuedNotice>, Refused>> Issue(NewNotice request, Caller caller, NoticeService notices, CancellationToken ct)
    {
        var outcome = await notices.IssueAsync(request, caller.UserName, ct: ct);
        if (outcome.Refusal is { } refusal) return refusal.ToHttp();
        var notice = outcome.Value!;
        return TypedResults.Created($"/api/notices/{notice.Id}", new IssuedNotice(notice.Id, notice.Number));
    }

    static async Task<Results<Ok<NoticeDetail>, Refused>> Get(int id, Caller caller, JiaowangDb db, NoticeColours colours, IStringLocalizer<NoticesText> text,
        CancellationToken ct) =>
        await NoticeQueries.DetailAsync(db, colours, caller, id, ct) is { } detail ? TypedResults.Ok(detail) : Refusal.NotFound(text["Notice.NotFound"]).ToHttp();

    static async Task<Results<FileContentHttpResult, Refused>> Document(int id, Caller caller, JiaowangDb db, NoticeColours colours, IOptions<DocumentOptions> options,
        TimeProvider clock, Microsoft.Extensions.Options.IOptions<Shared.Reporting.ReportingOptions> reporting, IStringLocalizer<NoticesText> text, CancellationToken ct)
    {
        if (await NoticeQueries.DetailAsync(db, colours, caller, id, ct) is not { } detail) return Refusal.NotFound(text["Notice.NotFound"]).ToHttp();
        var notice = detail.Notice;
        var about = RelatesTo.Parse(notice.RelatesTo) is { } relatesTo
            && await RelatedItems.FindAsync(db, relatesTo, notice.UnitId, Shared.Clock.Today(clock), reporting.Value, ct) is { } item
            ? item.Description : notice.RelatesTo;
        var bytes = NoticeDocument.Build(notice, about, options.Value.IssuingOffice, options.Value.Fonts).ToBytes();
        return TypedResults.File(bytes, Docx, DocumentParts.FileName($"督办通知单-{notice.Year}-{notice.Sequence}-{notice.UnitName}.docx"));
    }

    static async Task<Results<Ok<NoticeItem>, Refused>> Answer(int id, NoticeAnswer request, Caller caller, NoticeService notices, JiaowangDb db, CancellationToken ct) =>
        await Done(await notices.AnswerAsync(caller, id, request.Answer, ct), db, ct);

    static async Task<Results<Ok<NoticeItem>, Refused>> Verify(int id, NoticeVerification request, Caller caller, NoticeService notices, JiaowangDb db, CancellationToken ct) =>
        await Done(await notices.VerifyAsync(caller, id, request, ct), db, ct);

    static async Task<Results<Ok<NoticeItem>, Refused>> Done(Outcome<Core.Supervision.SupervisionNotice> outcome, JiaowangDb db, CancellationToken ct)
    {
        if (outcome.Refusal is { } refusal) return refusal.ToHttp();
        var notice = outcome.Value!;
        var unitName = await db.Units.Where(u => u.Id == notice.UnitId).Select(u => u.Name).SingleAsync(ct);
        return TypedResults.Ok(NoticeItem.From(notice, unitName));
    }
}
