using Jiaowang.Core.Reporting;

namespace Jiaowang.Web.Features.Demo;

/// <summary>How reliably a unit reports: most are punctual, some are sometimes late, a few are chronically late.</summary>
public enum Punctuality
{
    Punctual,
    Average,
    Chronic,
}

/// <summary>One step in a report's life: create, edit, submit, accept or return, at a moment of the demo year.</summary>
public sealed record ReportStep(DateTimeOffset At, string Action, string By, string? Text = null);

/// <summary>A report a unit owes: for one task in a monthly period, or the unit's summary.</summary>
public sealed record Obligation(ReportingPeriod Period, int? TaskId, int? TaskNumber, string Unit, int UnitId, string Liaison, Punctuality Punctuality)
{
    public string Key => $"{Period.Kind}:{Period.Start:yyyy-MM-dd}:{TaskNumber?.ToString() ?? "summary"}:{Unit}";
}

/// <summary>
/// The whole planned life of one report, from the first draft to acceptance, made without looking at <c>until</c>:
/// the caller plays the steps up to that day. So the same report grows the same way whatever day the demo stops at.
/// </summary>
public sealed record ReportLife(Obligation Owed, IReadOnlyList<ReportStep> Steps, DateOnly? FirstSubmitted)
{
    public const string Office = "demo-office";

    public static ReportLife Plan(int seed, Obligation owed, Func<DemoDice, string> compose)
    {
        var d = new DemoDice(seed, "report", owed.Key);
        var period = owed.Period;
        var due = period.Deadline;
        var (onTime, lateMax, returnChance, neverChance) = owed.Punctuality switch
        {
            Punctuality.Punctual => (0.95, 3, 0.07, 0.0),
            Punctuality.Average => (0.78, 12, 0.15, 0.0),
            _ => (0.35, 30, 0.28, 0.15),
        };
        // Monthly reports and stage summaries are written in the days around the month's end; the final summary over the
        // weeks before its deadline.
        var windowStart = due.AddDays(period.Kind == PeriodKind.FinalSummary ? -20 : -7);
        if (windowStart < period.Start) windowStart = period.Start;

        DateOnly? submitted = d.Chance(onTime) ? windowStart.AddDays(d.Between(0, due.DayNumber - windowStart.DayNumber))
            : d.Chance(neverChance) ? null
            : due.AddDays(d.Between(1, lateMax));
        var created = (submitted ?? due.AddDays(d.Between(1, 10))).AddDays(-d.Between(1, 5));
        if (created < period.Start) created = period.Start;

        var steps = new List<ReportStep>();
        var clock = new StepClock(d);
        var text = compose(d);
        steps.Add(new(clock.At(created), "create", owed.Liaison, text));
        if (submitted is not { } day) return new(owed, steps, null);
        steps.Add(new(clock.At(day), "submit", owed.Liaison));

        var review = day.AddDays(d.Between(1, 4));
        var returns = d.Chance(returnChance) ? (d.Chance(0.12) ? 2 : 1) : 0;
        for (var i = 0; i < returns; i++)
        {
            steps.Add(new(clock.At(review), "return", Office, d.Pick(DemoTexts.ReturnComments)));
            var again = review.AddDays(d.Between(2, 7));
            text = DemoTexts.Revised(d, text);
            steps.Add(new(clock.At(again), "edit", owed.Liaison, text));
            steps.Add(new(clock.At(again), "submit", owed.Liaison));
            review = again.AddDays(d.Between(1, 3));
        }
        steps.Add(new(clock.At(review), "accept", Office));
        return new(owed, steps, day);
    }

    /// <summary>Plays the steps that happened by the end of <paramref name="until"/>; null when not even the draft did.</summary>
    public Report? PlayUntil(DateOnly until)
    {
        Report? report = null;
        foreach (var step in Steps)
        {
            if (DateOnly.FromDateTime(step.At.ToOffset(DemoDice.Beijing).DateTime) > until) break;
            var error = step.Action switch
            {
                "create" => Create(step, out report),
                "edit" => report!.Edit(step.Text!, step.By, step.At),
                "submit" => report!.Submit(step.By, step.At),
                "return" => report!.Return(step.By, step.Text!, step.At),
                _ => report!.Accept(step.By, step.At),
            };
            // The steps are planned to follow the rules; a refusal here is a bug in the plan, not bad input.
            if (error is { } e) throw new InvalidOperationException($"Demo report {Owed.Key}: {step.Action} refused ({e}).");
        }
        return report;
    }

    ReportError? Create(ReportStep step, out Report? report)
    {
        report = Report.Start(Owed.Period.Id, Owed.TaskId, Owed.UnitId, step.Text!, step.By, step.At);
        return null;
    }

    /// <summary>Office-hours instants that never go backwards, even when two steps fall on the same day.</summary>
    sealed class StepClock(DemoDice d)
    {
        DateTimeOffset last = DateTimeOffset.MinValue;

        public DateTimeOffset At(DateOnly day)
        {
            var at = d.OfficeTime(day);
            if (at <= last) at = last.AddMinutes(d.Between(5, 90));
            last = at;
            return at;
        }
    }
}
