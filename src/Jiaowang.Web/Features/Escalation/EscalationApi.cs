using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Notices;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Escalation;

public sealed record LadderSettingsItem(int PlanId, bool Enabled, int ReceiptWorkingDays, int SecondAfter, int NoticeAfter, int BulletinAfter,
    int LeadersAfter, int NoticeRespondDays, DateOnly StartsOn)
{
    public static LadderSettingsItem From(LadderSettingsRow r) => new(r.PlanId, r.Enabled, r.ReceiptWorkingDays, r.SecondAfter, r.NoticeAfter,
        r.BulletinAfter, r.LeadersAfter, r.NoticeRespondDays, r.StartsOn);
}

/// <summary>Receipt (签收), the ladder's settings and what it marked for the bulletin and the leaders.</summary>
public static class EscalationApi
{
    public static IServiceCollection AddEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LadderOptions>(configuration.GetSection("Ladder"));
        services.AddNotices();
        services.AddScoped<ReceiptService>();
        services.AddScoped<LadderService>();
        services.AddSingleton<LadderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<LadderJob>());
        return services;
    }

    public static IEndpointRouteBuilder MapEscalationApi(this IEndpointRouteBuilder app)
    {
        app.MapNoticesApi();
        app.MapPost("/api/receipts", Acknowledge).WithTags("Receipts").RequireAuthorization(Policies.Liaison).ScopedTo(Scope.Notice)
            .WithSummary("The unit's liaison acknowledges (签收) a task, notice or instruction that reached the unit: {\"kind\":\"task|notice|instruction\",\"id\"}.");
        app.MapGet("/api/me/receipts", Pending).WithTags("Receipts").RequireAuthorization().ScopedTo(Scope.Self)
            .WithSummary("What reached the caller's unit and waits for its acknowledgement.");
        var ladder = app.MapGroup("/api/plans/{id:int}/ladder").WithTags("Ladder").RequireAuthorization(Policies.ReadAll);
        ladder.MapGet("/", Settings).WithSummary("The plan's escalation ladder settings (the defaults until the office changes them).");
        ladder.MapPut("/", Save).RequireAuthorization(Policies.Office).WithSummary("The office changes the plan's ladder settings.");
        ladder.MapGet("/marked", Marked).WithSummary("Items named for the next bulletin (step bulletin) and for the leaders (step leaders), still owed.");
        return app;
    }

    static async Task<Results<Ok<ReceiptItem>, Refused>> Acknowledge(NewReceipt request, Caller caller, ReceiptService receipts, CancellationToken ct)
    {
        var outcome = await receipts.AcknowledgeAsync(caller, request.Kind, request.Id, ct);
        if (outcome.Refusal is { } refusal) return refusal.ToHttp();
        var r = outcome.Value!;
        return TypedResults.Ok(new ReceiptItem(r.Kind, r.ItemId, r.UnitId, r.By, r.At));
    }

    static async Task<Ok<List<PendingReceipt>>> Pending(Caller caller, ReceiptService receipts, CancellationToken ct) =>
        TypedResults.Ok(caller.UnitId is { } unit ? await receipts.PendingAsync(unit, ct) : []);

    static async Task<Results<Ok<LadderSettingsItem>, Refused>> Settings(int id, JiaowangDb db, TimeProvider clock, IStringLocalizer<NoticesText> text, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct)) return Refusal.NotFound(text["Ladder.PlanNotFound"]).ToHttp();
        return TypedResults.Ok(LadderSettingsItem.From(await LadderService.SettingsAsync(db, id, clock.Today(), ct)));
    }

    static async Task<Results<Ok<LadderSettingsItem>, Refused>> Save(int id, LadderSettingsItem request, Caller caller, JiaowangDb db, AuditLog audit,
        TimeProvider clock, IStringLocalizer<NoticesText> text, CancellationToken ct)
    {
        var outcome = await SaveAsync(db, audit, clock, text, id, request, caller.UserName, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(LadderSettingsItem.From(outcome.Value!));
    }

    public static async Task<Outcome<LadderSettingsRow>> SaveAsync(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<NoticesText> text,
        int planId, LadderSettingsItem request, string by, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return Refusal.NotFound(text["Ladder.PlanNotFound"]);
        var settings = new LadderSettings(request.Enabled, request.ReceiptWorkingDays, request.SecondAfter, request.NoticeAfter, request.BulletinAfter,
            request.LeadersAfter, request.NoticeRespondDays);
        if (settings.Problem() is { } field)
        {
            var name = char.ToLowerInvariant(field[0]) + field[1..];
            return Refusal.Invalid(name, text["Ladder.Bad." + field]);
        }
        var row = await db.LadderSettings.FirstOrDefaultAsync(s => s.PlanId == planId, ct);
        var before = row is null ? null : LadderSettingsItem.From(row);
        if (row is null) db.LadderSettings.Add(row = new LadderSettingsRow { PlanId = planId, StartsOn = request.StartsOn == default ? clock.Today() : request.StartsOn });
        row.Enabled = settings.Enabled;
        row.ReceiptWorkingDays = settings.ReceiptWorkingDays;
        row.SecondAfter = settings.SecondAfter;
        row.NoticeAfter = settings.NoticeAfter;
        row.BulletinAfter = settings.BulletinAfter;
        row.LeadersAfter = settings.LeadersAfter;
        row.NoticeRespondDays = settings.NoticeRespondDays;
        if (request.StartsOn != default) row.StartsOn = request.StartsOn;
        row.UpdatedBy = by;
        row.UpdatedAt = clock.GetUtcNow();
        await audit.SaveAsync(db, by, () => [new AuditRecord("LadderSettings", planId.ToString(), "edit", before, LadderSettingsItem.From(row))], ct);
        return row;
    }

    static async Task<Ok<Dictionary<string, List<LadderMark>>>> Marked(int id, JiaowangDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(new Dictionary<string, List<LadderMark>>
        {
            ["bulletin"] = await LadderQueries.ForBulletinAsync(db, clock.GetUtcNow(), ct),
            ["leaders"] = await LadderQueries.ForLeadersAsync(db, clock.GetUtcNow(), ct),
        });
}
