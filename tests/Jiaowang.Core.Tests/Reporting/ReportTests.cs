using Jiaowang.Core.Reporting;

namespace Jiaowang.Core.Tests.Reporting;

public sealed class ReportTests
{
    static readonly DateTimeOffset Now = new(2026, 6, 3, 9, 0, 0, TimeSpan.Zero);

    static Report Draft() => Report.Start(periodId: 1, taskId: 5, unitId: 9, "<p>开通新航线 2 条</p>", "liaison", Now);

    [Fact]
    public void A_new_report_is_a_draft_at_version_1_with_its_first_version_recorded()
    {
        var report = Draft();

        Assert.Equal(ReportState.Draft, report.State);
        Assert.Equal(1, report.Version);
        Assert.Equal("create", Assert.Single(report.Versions).Action);
    }

    [Fact]
    public void The_full_loop_draft_submit_return_revise_resubmit_accept_keeps_every_version()
    {
        var report = Draft();

        Assert.Null(report.Submit("liaison", Now));
        Assert.Null(report.Return("office", "请补充关键数据", Now));
        Assert.Equal(ReportState.Returned, report.State);
        Assert.Equal("请补充关键数据", report.ReviewComment);
        Assert.Null(report.Edit("<p>开通新航线 2 条，旅客 12 万人次</p>", "liaison", Now));
        Assert.Null(report.Submit("liaison", Now));
        Assert.Null(report.Accept("office", Now));

        Assert.Equal(ReportState.Accepted, report.State);
        Assert.Equal(6, report.Version);
        Assert.Equal(["create", "submit", "return", "edit", "submit", "accept"], report.Versions.Select(v => v.Action));
        Assert.Equal("<p>开通新航线 2 条</p>", report.Versions[0].Text);
    }

    [Fact]
    public void Only_a_submitted_report_can_be_accepted_or_returned()
    {
        var report = Draft();

        Assert.Equal(ReportError.NotSubmitted, report.Accept("office", Now));
        Assert.Equal(ReportError.NotSubmitted, report.Return("office", "x", Now));
        Assert.Equal(ReportState.Draft, report.State);
        Assert.Equal(1, report.Version);
    }

    [Fact]
    public void Submitted_and_accepted_reports_cannot_be_edited_and_a_return_needs_a_comment()
    {
        var report = Draft();
        report.Submit("liaison", Now);

        Assert.Equal(ReportError.NotEditable, report.Edit("changed", "liaison", Now));
        Assert.Equal(ReportError.CommentRequired, report.Return("office", "  ", Now));
        report.Accept("office", Now);
        Assert.Equal(ReportError.NotEditable, report.Edit("changed", "liaison", Now));
        Assert.Equal(ReportError.NotEditable, report.Submit("liaison", Now));
    }

    [Fact]
    public void An_empty_report_cannot_be_submitted()
    {
        var report = Report.Start(1, null, 9, " ", "liaison", Now);

        Assert.Equal(ReportError.TextRequired, report.Submit("liaison", Now));
    }
}
