using Jiaowang.Core.Reporting;

namespace Jiaowang.Core.Tests.Reporting;

/// <summary>A unit whose leader (分管领导) signs before the office sees the report.</summary>
public sealed class ReportApprovalTests
{
    static readonly DateTimeOffset Monday = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    static Report Written() => Report.Start(1, 5, 7, "<p>完成航线谈判</p>", "联络员", Monday);

    [Fact]
    public void With_approval_on_a_submit_waits_for_the_leader_and_is_not_yet_submitted()
    {
        var report = Written();

        Assert.Null(report.Submit("联络员", Monday.AddHours(1), leaderApproves: true));

        Assert.Equal(ReportState.AwaitingApproval, report.State);
        Assert.Null(report.SubmittedAt);
        Assert.False(report.IsEditable);
        // The office cannot act on what it has not received.
        Assert.Equal(ReportError.NotSubmitted, report.Accept("办公室", Monday.AddHours(2)));
    }

    [Fact]
    public void The_leader_approves_and_the_report_reaches_the_office_with_who_and_when()
    {
        var report = Written();
        report.Submit("联络员", Monday.AddHours(1), leaderApproves: true);

        Assert.Null(report.Approve("王局长", Monday.AddHours(3)));

        Assert.Equal(ReportState.Submitted, report.State);
        Assert.Equal("王局长", report.ApprovedBy);
        Assert.Equal(Monday.AddHours(3), report.ApprovedAt);
        Assert.Equal(Monday.AddHours(3), report.SubmittedAt);
        Assert.Equal(new[] { "create", "submit", "approve" }, report.Versions.Select(v => v.Action));
        Assert.Equal("王局长", report.Versions.Last().By);
        Assert.Null(report.Accept("办公室", Monday.AddHours(4)));
    }

    [Fact]
    public void The_leader_sends_back_with_a_comment_and_the_liaison_edits_and_submits_again()
    {
        var report = Written();
        report.Submit("联络员", Monday, leaderApproves: true);

        Assert.Equal(ReportError.CommentRequired, report.SendBack("王局长", "  ", Monday.AddHours(1)));
        Assert.Null(report.SendBack("王局长", "补充客运量数据", Monday.AddHours(1)));

        Assert.Equal(ReportState.Returned, report.State);
        Assert.Equal("补充客运量数据", report.ReviewComment);
        Assert.True(report.IsEditable);
        Assert.Null(report.Edit("<p>补充后</p>", "联络员", Monday.AddHours(2)));
        Assert.Null(report.Submit("联络员", Monday.AddHours(3), leaderApproves: true));
        Assert.Equal(ReportState.AwaitingApproval, report.State);
    }

    [Fact]
    public void Approval_steps_are_refused_outside_the_awaiting_state()
    {
        var report = Written();
        Assert.Equal(ReportError.NotAwaitingApproval, report.Approve("王局长", Monday));
        report.Submit("联络员", Monday);
        Assert.Equal(ReportState.Submitted, report.State);
        Assert.Equal(ReportError.NotAwaitingApproval, report.Approve("王局长", Monday));
        Assert.Equal(ReportError.NotAwaitingApproval, report.SendBack("王局长", "改", Monday));
    }

    [Fact]
    public void A_resubmission_after_the_office_returns_needs_a_new_approval()
    {
        var report = Written();
        report.Submit("联络员", Monday, leaderApproves: true);
        report.Approve("王局长", Monday.AddHours(1));
        report.Return("办公室", "数据口径不一致", Monday.AddHours(2));
        report.Edit("<p>改后</p>", "联络员", Monday.AddHours(3));

        report.Submit("联络员", Monday.AddHours(4), leaderApproves: true);

        Assert.Equal(ReportState.AwaitingApproval, report.State);
        Assert.Null(report.ApprovedBy);
    }
}
