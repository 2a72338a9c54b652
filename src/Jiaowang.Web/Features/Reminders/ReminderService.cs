using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Reminders;

/// <summary>Configuration section <c>Reminders</c>.</summary>
public sealed class ReminderOptions
{
    /// <summary>How many days before a deadline the automatic reminder goes out (N in 截止前 N 天提醒).</summary>
    public int DaysBefore { get; set; } = 3;
    /// <summary>How often the background job looks; it is idempotent, so running often costs nothing.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    public bool Automatic { get; set; } = true;
}

/// <summary>Sends reminders (催办): the inbox row first, so the unit sees it even when mail fails, then the email.</summary>
public sealed class ReminderService(JiaowangDb db, AuditLog audit, Mailer mailer, TimeProvider clock, IOptions<ReportingOptions> reporting,
    IOptions<ReminderOptions> options, IStringLocalizer<ReportsText> text, ILogger<ReminderService> logger)
{
    public const string SystemSender = "system";

    /// <returns>The reminder, or null when <paramref name="autoKey"/> was already used.</returns>
    public async Task<Reminder?> SendAsync(int unitId, int? periodId, string body, string sentBy, string? autoKey = null, CancellationToken ct = default)
    {
        if (autoKey is not null && await db.Reminders.AnyAsync(r => r.AutoKey == autoKey, ct)) return null;
        var reminder = new Reminder { UnitId = unitId, PeriodId = periodId, Text = body.Trim(), SentBy = sentBy, SentAt = clock.GetUtcNow(), AutoKey = autoKey };
        db.Reminders.Add(reminder);
        try
        {
            await audit.SaveAsync(db, sentBy, () => [new AuditRecord("Reminder", reminder.Id.ToString(), "send", null, new { reminder.UnitId, reminder.PeriodId, reminder.Text, reminder.AutoKey })], ct);
        }
        catch (DbUpdateException e) when (autoKey is not null && ConflictExceptionHandler.IsLostRace(e))
        {
            // Another instance sent this automatic reminder a moment ago.
            db.Entry(reminder).State = EntityState.Detached;
            return null;
        }

        var addresses = await db.Users.Where(u => u.UnitId == unitId && u.Email != null)
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u.Email, ur.RoleId })
            .Join(db.Roles.Where(r => r.Name == Roles.Liaison), x => x.RoleId, r => r.Id, (x, r) => x.Email!)
            .Distinct().ToListAsync(ct);
        if (addresses.Count == 0 || !mailer.Configured) return reminder;
        var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        try
        {
            await mailer.SendAsync(new Mail(addresses, text["Reminder.Subject", unitName], reminder.Text), ct);
            reminder.EmailedTo = string.Join(",", addresses);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Reminder {Id} could not be emailed to {Addresses}", reminder.Id, addresses);
            reminder.EmailError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
        }
        await audit.SaveAsync(db, sentBy, () => [new AuditRecord("Reminder", reminder.Id.ToString(), "email", null, new { reminder.EmailedTo, reminder.EmailError })], ct);
        return reminder;
    }

    /// <summary>The text a reminder about owed reports carries, in the server's language (the recipient's is not known).</summary>
    public string Compose(string unitName, IEnumerable<OverdueItem> owed)
    {
        var lines = owed.Select(o => "· " + text["Kind." + o.PeriodKind] + " " + TextSetup.Month(o.PeriodStart)
            + (o.TaskNumber is { } n ? $" {n}. {o.TaskTitle}" : "") + " — " + text["Report.Deadline"] + " " + TextSetup.Day(o.Deadline));
        return text["Reminder.Body", unitName] + "\n" + string.Join("\n", lines);
    }

    /// <summary>One reminder to each unit with overdue reports (一键催办), listing what it owes.</summary>
    public async Task<List<Reminder>> RemindLateUnitsAsync(string sentBy, CancellationToken ct = default)
    {
        var sent = new List<Reminder>();
        var today = clock.Today();
        foreach (var (_, supervision) in (await SupervisionState.LoadEveryPlanAsync(db, today, reporting.Value, ct)).OrderBy(s => s.Key))
        {
            foreach (var unit in supervision.Overdue.GroupBy(o => (o.UnitId, o.UnitName)))
            {
                if (await SendAsync(unit.Key.UnitId, null, Compose(unit.Key.UnitName, unit), sentBy, ct: ct) is { } r) sent.Add(r);
            }
        }
        return sent;
    }

    /// <summary>
    /// The automatic reminders due on <paramref name="today"/>: every unit that still owes a report for a period whose
    /// deadline is at most <see cref="ReminderOptions.DaysBefore"/> days away gets one, once per period.
    /// </summary>
    public async Task<int> SendAutomaticAsync(DateOnly today, CancellationToken ct = default)
    {
        var count = 0;
        foreach (var (_, supervision) in (await SupervisionState.LoadEveryPlanAsync(db, today, reporting.Value, ct)).OrderBy(s => s.Key))
        {
            foreach (var period in supervision.PlanPeriods.Where(p => p.IsOpen(today)))
            {
                // Each unit's own due date: an approved extension moves the reminder with it.
                foreach (var unit in supervision.Outstanding(period)
                             .Where(o => today <= o.Deadline && o.Deadline.DayNumber - today.DayNumber <= options.Value.DaysBefore)
                             .GroupBy(o => (o.UnitId, o.UnitName)))
                {
                    var reminder = await SendAsync(unit.Key.UnitId, period.Id, Compose(unit.Key.UnitName, unit), SystemSender,
                        Reminder.AutoKeyFor(period.Id, unit.Key.UnitId), ct);
                    if (reminder is not null) count++;
                }
            }
        }
        return count;
    }
}
