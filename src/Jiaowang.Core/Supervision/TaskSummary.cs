namespace Jiaowang.Core.Supervision;

/// <summary>Where a task's co-signed summary stands.</summary>
public enum SummaryState
{
    /// <summary>草稿: the lead unit is writing it.</summary>
    Draft = 0,
    /// <summary>会签中: sent to the co-units; the office sees it with the signatures as they come.</summary>
    Signing = 1,
    /// <summary>已通过</summary>
    Accepted = 2,
    /// <summary>已退回: the office sent it back to the lead unit.</summary>
    Returned = 3,
}

/// <summary>A co-unit's answer to a summary.</summary>
public enum SignatureState
{
    /// <summary>待会签</summary>
    Pending = 0,
    /// <summary>同意</summary>
    Signed = 1,
    /// <summary>不同意 (with a comment the office sees)</summary>
    Refused = 2,
}

public enum SummaryError
{
    /// <summary>Only a draft, a summary being signed, or a returned one can be edited or sent.</summary>
    NotEditable,
    /// <summary>Signing, accepting and returning need a summary out for signature.</summary>
    NotSigning,
    /// <summary>The unit is not one of the task's co-units for this summary.</summary>
    NotCoUnit,
    /// <summary>A summary cannot be sent empty.</summary>
    TextRequired,
    /// <summary>A refusal, a return or an override needs a comment.</summary>
    CommentRequired,
    /// <summary>Some co-units have not answered; the office may only accept with an override reason.</summary>
    Unanswered,
}

/// <summary>
/// A task's stage or final summary (阶段性总结 / 总结) drafted by the lead unit from its co-units' reports and co-signed
/// (会签) by every co-unit before the office accepts it. Sending it (again) asks every co-unit afresh.
/// </summary>
public class TaskSummary
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public int PeriodId { get; set; }
    public int LeadUnitId { get; set; }
    public SummaryState State { get; private set; }
    public string Text { get; private set; } = "";
    public int Version { get; private set; }
    public string? ReviewComment { get; private set; }
    public string? ReviewedBy { get; private set; }
    /// <summary>Why the office accepted before every co-unit had answered; null when all had.</summary>
    public string? OverrideReason { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public List<SummarySignature> Signatures { get; set; } = [];

    public static TaskSummary Start(int taskId, int periodId, int leadUnitId, string text, string by, DateTimeOffset at) =>
        new() { PlanTaskId = taskId, PeriodId = periodId, LeadUnitId = leadUnitId, Text = text, Version = 1, UpdatedAt = at, UpdatedBy = by };

    public bool IsEditable => State is SummaryState.Draft or SummaryState.Signing or SummaryState.Returned;

    /// <summary>A change while out for signature goes back to draft: signatures given to the old text do not carry over.</summary>
    public SummaryError? Edit(string text, string by, DateTimeOffset at)
    {
        if (!IsEditable) return SummaryError.NotEditable;
        Text = text;
        if (State == SummaryState.Signing)
        {
            State = SummaryState.Draft;
            Signatures.Clear();
        }
        Touch(by, at);
        return null;
    }

    /// <summary>Sends the summary to each co-unit for signature (and with it to the office).</summary>
    public SummaryError? Send(IEnumerable<int> coUnitIds, string by, DateTimeOffset at)
    {
        if (!IsEditable) return SummaryError.NotEditable;
        if (string.IsNullOrWhiteSpace(Text)) return SummaryError.TextRequired;
        Signatures.Clear();
        foreach (var unit in coUnitIds.Distinct().Where(u => u != LeadUnitId)) Signatures.Add(new SummarySignature { UnitId = unit });
        State = SummaryState.Signing;
        SentAt = at;
        ReviewComment = null;
        Touch(by, at);
        return null;
    }

    public SummaryError? Answer(int unitId, bool agree, string? comment, string by, DateTimeOffset at)
    {
        if (State != SummaryState.Signing) return SummaryError.NotSigning;
        var signature = Signatures.FirstOrDefault(s => s.UnitId == unitId);
        if (signature is null) return SummaryError.NotCoUnit;
        if (!agree && string.IsNullOrWhiteSpace(comment)) return SummaryError.CommentRequired;
        signature.State = agree ? SignatureState.Signed : SignatureState.Refused;
        signature.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        signature.By = by;
        signature.At = at;
        Touch(by, at);
        return null;
    }

    public bool AllAnswered => Signatures.All(s => s.State != SignatureState.Pending);

    /// <param name="overrideReason">Required when a co-unit has not answered yet.</param>
    public SummaryError? Accept(string reviewer, string? overrideReason, DateTimeOffset at)
    {
        if (State != SummaryState.Signing) return SummaryError.NotSigning;
        if (!AllAnswered && string.IsNullOrWhiteSpace(overrideReason)) return SummaryError.Unanswered;
        State = SummaryState.Accepted;
        ReviewedBy = reviewer;
        OverrideReason = AllAnswered ? null : overrideReason!.Trim();
        Touch(reviewer, at);
        return null;
    }

    public SummaryError? Return(string reviewer, string? comment, DateTimeOffset at)
    {
        if (State != SummaryState.Signing) return SummaryError.NotSigning;
        if (string.IsNullOrWhiteSpace(comment)) return SummaryError.CommentRequired;
        State = SummaryState.Returned;
        ReviewedBy = reviewer;
        ReviewComment = comment.Trim();
        Touch(reviewer, at);
        return null;
    }

    void Touch(string by, DateTimeOffset at)
    {
        Version++;
        UpdatedAt = at;
        UpdatedBy = by;
    }
}

/// <summary>One co-unit's answer to one sending of a summary.</summary>
public class SummarySignature
{
    public int Id { get; set; }
    public int SummaryId { get; set; }
    public int UnitId { get; set; }
    public SignatureState State { get; set; }
    public string? Comment { get; set; }
    public string? By { get; set; }
    public DateTimeOffset? At { get; set; }
}
