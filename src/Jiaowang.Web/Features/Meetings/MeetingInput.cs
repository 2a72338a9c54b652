using Jiaowang.Core.Meetings;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Meetings;

/// <summary>One decision as typed in the form or sent to the API; <paramref name="Id"/> names an existing follow-up when editing.</summary>
public sealed record DecisionInput(int? Id, string? Text, int? UnitId, DateOnly? Deadline);

/// <summary>A meeting as typed in the form or sent to the API, before it is checked.</summary>
/// <param name="Kind">officeMeeting (领导小组办公室会议), leaderCheck (检查) or councilInspection (视察).</param>
public sealed record MeetingInput(string? Kind, string? Title, DateOnly? HeldOn, string? Place, IReadOnlyList<string>? Attendees, string? Notes,
    IReadOnlyList<DecisionInput>? Decisions)
{
    public const int MaxDecisions = 50;

    public static string KindCode(MeetingKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];

    public static MeetingKind? ParseKind(string? code) =>
        Enum.TryParse<MeetingKind>(code, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(code, out _) ? kind : null;

    /// <summary>Attendees typed one per line, or separated by 、，, or ;.</summary>
    public static List<string> SplitAttendees(string? text) =>
        (text ?? "").Split(['\n', '\r', '、', '，', ',', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>
    /// Every problem, keyed by field as the API names it (title, heldOn, decisions[1].deadline), the message naming the
    /// decision's row as the reader counts (第 2 项议定事项). Empty when the meeting can be stored.
    /// </summary>
    public Dictionary<string, string[]> Validate(IReadOnlySet<int> planUnitIds, IStringLocalizer<MeetingsText> text)
    {
        var problems = new Dictionary<string, string[]>();
        void Add(string field, string message) => problems[field] = [message];
        if (ParseKind(Kind) is null) Add("kind", text["Problem.Kind"]);
        if (string.IsNullOrWhiteSpace(Title)) Add("title", text["Problem.TitleRequired"]);
        else if (Title.Trim().Length > 200) Add("title", text["Problem.TooLong", 200]);
        if (HeldOn is null) Add("heldOn", text["Problem.DateRequired"]);
        if (Place?.Trim().Length > 200) Add("place", text["Problem.TooLong", 200]);
        if (Notes?.Length > 8000) Add("notes", text["Problem.TooLong", 8000]);
        if (Attendees?.Any(a => a.Length > 200) == true) Add("attendees", text["Problem.TooLong", 200]);
        var decisions = Decisions ?? [];
        if (decisions.Count > MaxDecisions) Add("decisions", text["Problem.TooManyDecisions", MaxDecisions]);
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = decisions[i];
            var row = text["Decision.Row", i + 1];
            if (string.IsNullOrWhiteSpace(d.Text)) Add($"decisions[{i}].text", text["Problem.DecisionText", row]);
            else if (d.Text.Trim().Length > 2000) Add($"decisions[{i}].text", text["Problem.DecisionTooLong", row, 2000]);
            if (d.UnitId is null) Add($"decisions[{i}].unitId", text["Problem.DecisionUnit", row]);
            else if (!planUnitIds.Contains(d.UnitId.Value)) Add($"decisions[{i}].unitId", text["Problem.DecisionUnitUnknown", row]);
            if (d.Deadline is null) Add($"decisions[{i}].deadline", text["Problem.DecisionDeadline", row]);
            else if (HeldOn is { } held && d.Deadline < held) Add($"decisions[{i}].deadline", text["Problem.DecisionDeadlineEarly", row]);
        }
        return problems;
    }
}
