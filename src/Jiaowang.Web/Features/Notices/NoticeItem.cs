using Jiaowang.Core.Supervision;
using Jiaowang.Web.Shared;

namespace Jiaowang.Web.Features.Notices;

/// <summary>
/// A supervision notice as the API and the pages show it; colour and status as lower-case codes (blue, yellow, red; open,
/// answered, closed). <see cref="Colour"/> is the colour today (it follows time, <see cref="NoticeColours"/>);
/// <see cref="ColourAtIssue"/> the one it was issued with.
/// </summary>
public sealed record NoticeItem(int Id, string Number, int Year, int Sequence, int UnitId, string UnitName, string Subject, DateOnly RespondBy,
    string RelatesTo, string Colour, string Status, bool Automatic, string IssuedBy, DateTimeOffset IssuedAt, string? Answer, string? AnsweredBy,
    DateTimeOffset? AnsweredAt, string? VerifiedBy, DateTimeOffset? VerifiedAt, DateTimeOffset? AcknowledgedAt = null, string? ColourAtIssue = null)
{
    public static NoticeItem From(SupervisionNotice n, string unitName, DateTimeOffset? acknowledgedAt = null, NoticeColour? current = null) => new(n.Id, n.Number,
        n.Year, n.Sequence, n.UnitId, unitName, n.Subject, n.RespondBy, n.RelatesTo, ApiCode.Of(current ?? n.Colour), ApiCode.Of(n.Status), n.Automatic,
        n.IssuedBy, n.IssuedAt, n.Answer, n.AnsweredBy, n.AnsweredAt, n.VerifiedBy, n.VerifiedAt, acknowledgedAt, ApiCode.Of(n.Colour));
}

public sealed record HistoryLine(string Step, string Text, string By, DateTimeOffset At);

public sealed record NoticeDetail(NoticeItem Notice, List<HistoryLine> History);

/// <summary>One page of notices and the counts by colour of the open ones (the dashboard's and the list's header).</summary>
public sealed record NoticePage(List<NoticeItem> Items, int Total, int Page, int PageSize, int OpenBlue, int OpenYellow, int OpenRed);

/// <summary>Marker for the notices' strings: NoticesText.resx (Chinese, neutral) and NoticesText.en.resx.</summary>
public sealed class NoticesText;
