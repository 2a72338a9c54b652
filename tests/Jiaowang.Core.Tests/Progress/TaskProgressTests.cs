using Jiaowang.Core.Progress;
using Jiaowang.Core.Reporting;

namespace Jiaowang.Core.Tests.Progress;

public sealed class TaskProgressTests
{
    static ExpectedReport April(ReportState? state) => new(PeriodKind.Monthly, new(2026, 4, 1), new(2026, 5, 5), state);
    static ExpectedReport May(ReportState? state) => new(PeriodKind.Monthly, new(2026, 5, 1), new(2026, 6, 5), state);
    static ExpectedReport Final(ReportState? state) => new(PeriodKind.FinalSummary, new(2026, 10, 1), new(2026, 12, 5), state);

    static (Status, TaskReason) Judge(DateOnly today, params ExpectedReport[] reports)
    {
        var a = TaskProgress.Assess(reports, today);
        return (a.Status, a.Reason);
    }

    [Fact]
    public void Before_any_period_begins_nothing_is_expected()
    {
        Assert.Equal((Status.OnTrack, TaskReason.NotStarted), Judge(new(2026, 3, 20), April(null), Final(null)));
    }

    [Fact]
    public void Reports_in_before_their_deadlines_keep_the_task_on_track()
    {
        Assert.Equal((Status.OnTrack, TaskReason.ReportsOnTime), Judge(new(2026, 5, 20), April(ReportState.Submitted), May(null)));
        Assert.Equal((Status.OnTrack, TaskReason.ReportsOnTime), Judge(new(2026, 5, 20), April(ReportState.Accepted), May(ReportState.Draft)));
    }

    [Fact]
    public void One_overdue_report_is_a_risk_and_two_or_one_long_overdue_put_the_task_behind()
    {
        Assert.Equal((Status.AtRisk, TaskReason.ReportOverdue), Judge(new(2026, 5, 6), April(ReportState.Draft), May(null)));
        Assert.Equal((Status.Behind, TaskReason.ReportsOverdue), Judge(new(2026, 5, 21), April(null), May(null)));
        Assert.Equal((Status.Behind, TaskReason.ReportsOverdue), Judge(new(2026, 6, 6), April(ReportState.Accepted), May(null), May(null)));
    }

    [Fact]
    public void A_returned_report_is_a_risk_until_it_is_resubmitted()
    {
        Assert.Equal((Status.AtRisk, TaskReason.ReportReturned), Judge(new(2026, 5, 3), April(ReportState.Returned)));
        Assert.Equal((Status.OnTrack, TaskReason.ReportsOnTime), Judge(new(2026, 5, 3), April(ReportState.Submitted)));
        // Returned and past the deadline: the deadline counts, a revision is still owed.
        Assert.Equal((Status.AtRisk, TaskReason.ReportOverdue), Judge(new(2026, 5, 8), April(ReportState.Returned)));
    }

    [Fact]
    public void Accepted_final_summaries_make_the_task_done()
    {
        Assert.Equal((Status.Done, TaskReason.FinalAccepted), Judge(new(2026, 12, 10), April(null), Final(ReportState.Accepted), Final(ReportState.Accepted)));
        Assert.NotEqual(Status.Done, Judge(new(2026, 12, 1), Final(ReportState.Accepted), Final(ReportState.Submitted)).Item1);
    }
}
