using Jiaowang.Core.Documents.Word;
using Jiaowang.Core.Supervision;

namespace Jiaowang.Web.Features.Notices;

/// <summary>
/// The supervision notice as a Word document in the official layout (docs/DOCUMENTS.md): the red masthead 督办通知单
/// with its number, then the unit addressed (主送), the matter, the colour, the day to answer by, and the issuing office
/// and date; the unit's answer and the office's verification once given.
/// </summary>
public static class NoticeDocument
{
    public static OfficialDocument Build(NoticeItem notice, string about, string issuingOffice, FontChoice fonts = FontChoice.Official)
    {
        var document = new OfficialDocument(fonts).Masthead("督办通知单", notice.Number);
        // The document is the notice as issued: its colour at issue, not today's.
        var colour = NoticeRules.ColourName(Enum.Parse<NoticeColour>(notice.ColourAtIssue ?? notice.Colour, ignoreCase: true));
        document.Text([new TextRun(notice.UnitName + "：")]);
        document.Text($"根据工作安排，现就以下事项对你单位进行督办（{colour}督办）：");
        document.Text([new TextRun("督办事项：", Bold: true), new TextRun(notice.Subject)]);
        document.Text([new TextRun("涉及内容：", Bold: true), new TextRun(about)]);
        document.Text([new TextRun("答复时限：", Bold: true), new TextRun($"请于{Day(notice.RespondBy)}前签收，并将办理情况书面答复。")]);
        if (notice.Answer is { } answer)
        {
            document.Text([new TextRun("办理答复：", Bold: true), new TextRun(answer)]);
        }
        if (notice.Status == "closed") document.Text([new TextRun("复核意见：", Bold: true), new TextRun("经复核，同意办结销号。")]);
        return document.Signature(issuingOffice, DateOnly.FromDateTime(notice.IssuedAt.ToOffset(TimeSpan.FromHours(8)).DateTime));
    }

    static string Day(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";
}
