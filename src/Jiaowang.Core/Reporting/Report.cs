namespace Jiaowang.Core.Reporting;

/// <summary>Where a report stands in the office's review (审核).</summary>
public enum ReportState
{
    /// <summary>草稿: saved by the unit, not yet sent.</summary>
    Draft = 0,
    /// <summary>已报送: waiting for the office.</summary>
    Submitted = 1,
    /// <summary>已退回: the office sent it back with a comment; the unit revises and submits again.</summary>
    Returned = 2,
    /// <summary>已通过</summary>
    Accepted = 3,
    /// <summary>
    /// 待领导审签: submitted by the liaison of a unit whose leader (分管领导) signs before the office sees it. Not yet
    /// submitted as far as deadlines go; the leader approves (→ <see cref="Submitted"/>) or sends it back (→ <see cref="Returned"/>).
    /// </summary>
    AwaitingApproval = 4,
}

/// <summary>Why a change to a report was refused.</summary>
public enum ReportError
{
    /// <summary>Only drafts and returned reports can be edited or submitted.</summary>
    NotEditable,
    /// <summary>Only a submitted report can be accepted or returned.</summary>
    NotSubmitted,
    /// <summary>A return needs a comment that says what to change.</summary>
    CommentRequired,
    /// <summary>A report cannot be submitted empty.</summary>
    TextRequired,
    /// <summary>Only a report awaiting its unit leader's approval can be approved or sent back by the leader.</summary>
    NotAwaitingApproval,
}

/// <summary>
/// A unit's progress report (进展报告) for one period: for one task in a monthly period, or the unit's summary.
/// Each change makes a new <see cref="ReportVersion"/>; <see cref="Version"/> counts them and guards against two people
/// saving over each other.
/// </summary>
public class Report
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public ReportingPeriod? Period { get; set; }
    /// <summary>The task, for monthly reports; null for summaries.</summary>
    public int? TaskId { get; set; }
    public int UnitId { get; set; }
    public ReportState State { get; private set; }
    /// <summary>Sanitised rich text: what was done, key figures, problems, next steps.</summary>
    public string Text { get; private set; } = "";
    public int Version { get; private set; }
    /// <summary>The office's comment on the last return.</summary>
    public string? ReviewComment { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>The unit leader (分管领导) who approved the report before it reached the office; null without approval.</summary>
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<ReportVersion> Versions { get; set; } = [];

    public static Report Start(int periodId, int? taskId, int unitId, string text, string by, DateTimeOffset at)
    {
        var report = new Report { PeriodId = periodId, TaskId = taskId, UnitId = unitId, State = ReportState.Draft, Text = text };
        report.Record("create", by, at, null);
        return report;
    }

    public bool IsEditable => State is ReportState.Draft or ReportState.Returned;

    public ReportError? Edit(string text, string by, DateTimeOffset at)
    {
        if (!IsEditable) return ReportError.NotEditable;
        Text = text;
        Record("edit", by, at, null);
        return null;
    }

    /// <param name="leaderApproves">The unit has switched on its leader's approval: the report waits for the leader
    /// instead of going to the office.</param>
    public ReportError? Submit(string by, DateTimeOffset at, bool leaderApproves = false)
    {
        if (!IsEditable) return ReportError.NotEditable;
        if (string.IsNullOrWhiteSpace(Text)) return ReportError.TextRequired;
        // A new submission is a new text: an approval given to an earlier one does not carry over.
        ApprovedBy = null;
        ApprovedAt = null;
        if (leaderApproves)
        {
            State = ReportState.AwaitingApproval;
            Record("submit", by, at, null);
            return null;
        }
        State = ReportState.Submitted;
        SubmittedAt = at;
        Record("submit", by, at, null);
        return null;
    }

    /// <summary>The unit leader signs: the report reaches the office, submitted as of now.</summary>
    public ReportError? Approve(string leader, DateTimeOffset at)
    {
        if (State != ReportState.AwaitingApproval) return ReportError.NotAwaitingApproval;
        State = ReportState.Submitted;
        SubmittedAt = at;
        ApprovedBy = leader;
        ApprovedAt = at;
        Record("approve", leader, at, null);
        return null;
    }

    /// <summary>The unit leader sends the report back to the liaison with what to change; the office never saw it.</summary>
    public ReportError? SendBack(string leader, string comment, DateTimeOffset at)
    {
        if (State != ReportState.AwaitingApproval) return ReportError.NotAwaitingApproval;
        if (string.IsNullOrWhiteSpace(comment)) return ReportError.CommentRequired;
        State = ReportState.Returned;
        ReviewedBy = leader;
        ReviewComment = comment.Trim();
        Record("sendBack", leader, at, ReviewComment);
        return null;
    }

    public ReportError? Accept(string reviewer, DateTimeOffset at)
    {
        if (State != ReportState.Submitted) return ReportError.NotSubmitted;
        State = ReportState.Accepted;
        ReviewedBy = reviewer;
        ReviewComment = null;
        Record("accept", reviewer, at, null);
        return null;
    }

    public ReportError? Return(string reviewer, string comment, DateTimeOffset at)
    {
        if (State != ReportState.Submitted) return ReportError.NotSubmitted;
        if (string.IsNullOrWhiteSpace(comment)) return ReportError.CommentRequired;
        State = ReportState.Returned;
        ReviewedBy = reviewer;
        ReviewComment = comment.Trim();
        Record("return", reviewer, at, ReviewComment);
        return null;
    }

    void Record(string action, string by, DateTimeOffset at, string? comment)
    {
        Version++;
        UpdatedAt = at;
        Versions.Add(new ReportVersion { Version = Version, Action = action, State = State, Text = Text, Comment = comment, By = by, At = at });
    }
}

/// <summary>One saved state of a report; rows are only ever added, so the whole history can be read back.</summary>
public class ReportVersion
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int Version { get; set; }
    /// <summary>create, edit, submit, approve, sendBack, accept, return.</summary>
    public required string Action { get; set; }
    public ReportState State { get; set; }
    public required string Text { get; set; }
    public string? Comment { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}
