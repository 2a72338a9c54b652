using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Supervision;

public sealed record AttachmentItem(int Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>Files attached to reports: uploaded by the unit's liaison, read by whoever may read the report.</summary>
public static class AttachmentsApi
{
    public static RouteGroupBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/reports/{id:int}/attachments").WithTags("Reports").RequireAuthorization().ScopedTo(Scope.Report);
        files.MapGet("/", List).WithSummary("The report's attachments with their SHA-256.");
        // The body is the file itself (application/octet-stream): a type a browser cannot send cross-site without CORS,
        // so this needs no antiforgery token; the page uploads through its own form, which has one.
        files.MapPost("/", Upload).Accepts<byte[]>("application/octet-stream")
            .WithSummary("Attaches a file (PDF, Word, Excel, image; at most 20 MB; type checked by content): body = the file, ?fileName= its name.");
        files.MapGet("/{attachmentId:int}", Download).ScopedTo(Scope.Attachment).Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").WithSummary("The file as uploaded.");
        return files;
    }

    static async Task<Results<Ok<List<AttachmentItem>>, NotFound>> List(int id, Caller caller, JiaowangDb db, ReportActions actions, CancellationToken ct)
    {
        if (await actions.FindAsync(caller, id, ct: ct) is null) return TypedResults.NotFound();
        return TypedResults.Ok(await ItemsAsync(db, id, ct));
    }

    public static Task<List<AttachmentItem>> ItemsAsync(JiaowangDb db, int reportId, CancellationToken ct) =>
        db.Attachments.AsNoTracking().Where(a => a.ReportId == reportId).OrderBy(a => a.Id)
            .Select(a => new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt)).ToListAsync(ct);

    static async Task<Results<Created<AttachmentItem>, Refused>> Upload(int id, string? fileName, Caller caller, HttpContext http, ReportActions actions, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var outcome = await actions.AttachAsync(caller, id, fileName ?? "", buffer.ToArray(), ct);
        if (outcome.Refusal is { } refusal) return refusal.ToHttp();
        var a = outcome.Value!;
        return TypedResults.Created($"/api/reports/{id}/attachments/{a.Id}", new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt));
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Download(int id, int attachmentId, Caller caller, HttpContext http, JiaowangDb db, ReportActions actions, CancellationToken ct)
    {
        if (await actions.FindAsync(caller, id, ct: ct) is null) return TypedResults.NotFound();
        var file = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ReportId == id, ct);
        if (file is null) return TypedResults.NotFound();
        // Served as a download with its checked type, never sniffed into something a browser would run.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
