using Jiaowang.Core.Reporting;

namespace Jiaowang.Core.Progress;

/// <summary>Why a task has its status; the web host says it in the reader's language.</summary>
public enum TaskReason
{
    /// <summary>No reporting period has begun.</summary>
    NotStarted,
    /// <summary>Every report that is due has been submitted.</summary>
    ReportsOnTime,
    /// <summary>One report is past its deadline.</summary>
    ReportOverdue,
    /// <summary>Several reports are past their deadlines, or one by more than the grace period.</summary>
    ReportsOverdue,
    /// <summary>The office returned a report and the revision has not come back yet.</summary>
    ReportReturned,
    /// <summary>Every final summary was accepted.</summary>
    FinalAccepted,
}

/// <summary>A report the task's units owe for one period, and what has come in.</summary>
/// <param name="State">The report's state, null when none was started.</param>
public sealed record ExpectedReport(PeriodKind Kind, DateOnly Start, DateOnly Deadline, ReportState? State);

public sealed record TaskAssessment(Status Status, TaskReason Reason, int Overdue, int Returned);

/// <summary>Judges a task from its reports (督办): overdue and returned reports, and accepted final summaries (docs/STATUS-RULES.md).</summary>
public static class TaskProgress
{
    /// <summary>Days past a deadline after which one missing report makes a task behind rather than at risk.</summary>
    public const int GraceDays = 15;

    public static TaskAssessment Assess(IReadOnlyCollection<ExpectedReport> reports, DateOnly today)
    {
        var due = reports.Where(r => r.Start <= today).ToList();
        var returned = due.Count(r => r.State == ReportState.Returned);
        if (due.Count == 0) return new TaskAssessment(Status.OnTrack, TaskReason.NotStarted, 0, 0);

        var finals = reports.Where(r => r.Kind == PeriodKind.FinalSummary).ToList();
        if (finals.Count > 0 && finals.All(r => r.State == ReportState.Accepted))
        {
            return new TaskAssessment(Status.Done, TaskReason.FinalAccepted, 0, 0);
        }

        var overdue = due.Where(r => today > r.Deadline && r.State is not (ReportState.Submitted or ReportState.Accepted)).ToList();
        var longOverdue = overdue.Any(r => today.DayNumber - r.Deadline.DayNumber > GraceDays);
        if (longOverdue || overdue.Count >= 2) return new TaskAssessment(Status.Behind, TaskReason.ReportsOverdue, overdue.Count, returned);
        if (overdue.Count == 1) return new TaskAssessment(Status.AtRisk, TaskReason.ReportOverdue, 1, returned);
        if (returned > 0) return new TaskAssessment(Status.AtRisk, TaskReason.ReportReturned, 0, returned);
        return new TaskAssessment(Status.OnTrack, TaskReason.ReportsOnTime, 0, 0);
    }
}
