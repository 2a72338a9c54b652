using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Reminders;

public sealed record ReminderItem(int Id, int UnitId, int? PeriodId, string Text, string SentBy, DateTimeOffset SentAt, bool Automatic, string EmailedTo)
{
    public static ReminderItem From(Reminder r) => new(r.Id, r.UnitId, r.PeriodId, r.Text, r.SentBy, r.SentAt, r.AutoKey is not null, r.EmailedTo);
}

public sealed record NewReminder(int UnitId, int? PeriodId, string? Text);

public static class RemindersApi
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.Configure<ReminderOptions>(configuration.GetSection("Reminders"));
        services.AddSingleton<Mailer>();
        services.AddScoped<ReminderService>();
        services.AddSingleton<AutomaticReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<AutomaticReminders>());
        return services;
    }

    public static RouteGroupBuilder MapRemindersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/reminders", Inbox).WithTags("Reminders").RequireAuthorization().ScopedTo(Scope.Self)
            .WithSummary("The reminders sent to the caller's unit, newest first.");
        var reminders = app.MapGroup("/api/reminders").WithTags("Reminders").RequireAuthorization(Policies.Office);
        reminders.MapPost("/", Send).WithSummary("The office reminds one unit; the text defaults to the list of what it owes.");
        reminders.MapPost("/late", RemindLate).WithSummary("One reminder to every unit with overdue reports.");
        return reminders;
    }

    static async Task<Ok<List<ReminderItem>>> Inbox(Caller caller, JiaowangDb db, CancellationToken ct)
    {
        if (caller.UnitId is not { } unitId) return TypedResults.Ok(new List<ReminderItem>());
        var rows = await db.Reminders.AsNoTracking().Where(r => r.UnitId == unitId).OrderByDescending(r => r.Id).Take(100).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ReminderItem.From).ToList());
    }

    static async Task<Results<Created<ReminderItem>, ValidationProblem>> Send(NewReminder request, Caller caller, JiaowangDb db,
        ReminderService reminders, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ReportingOptions> reporting,
        Microsoft.Extensions.Localization.IStringLocalizer<ReportsText> text, CancellationToken ct)
    {
        var unitName = await db.Units.Where(u => u.Id == request.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (unitName is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unitId"] = [text["Target.UnknownUnit"]] });
        if (!RichText.IsSafePlainText(request.Text)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [text["Text.Unsafe"]] });
        var body = request.Text;
        if (string.IsNullOrWhiteSpace(body))
        {
            var states = await SupervisionState.LoadEveryPlanAsync(db, Shared.Clock.Today(clock), reporting.Value, ct);
            body = reminders.Compose(unitName, states.OrderBy(s => s.Key).SelectMany(s => s.Value.Overdue).Where(o => o.UnitId == request.UnitId).ToList());
        }
        var reminder = await reminders.SendAsync(request.UnitId, request.PeriodId, body, caller.UserName, ct: ct);
        return TypedResults.Created($"/api/me/reminders", ReminderItem.From(reminder!));
    }

    static async Task<Ok<List<ReminderItem>>> RemindLate(Caller caller, ReminderService reminders, CancellationToken ct) =>
        TypedResults.Ok((await reminders.RemindLateUnitsAsync(caller.UserName, ct)).Select(ReminderItem.From).ToList());
}
