using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiaowang.Core.Documents.Word;

public sealed partial class OfficialDocument
{
    /// <summary>GB/T 9704's red (#E60012 is the common 红头 red; Word's pure red reads the same in print).</summary>
    public const string Red = "E60012";

    /// <summary>
    /// A red masthead (红头) in the title face, centred, with the document number (发文字号) under it and a red rule
    /// (红色分隔线) below: the look of a 督办通知单. Put it first, before <see cref="Title"/> or the text.
    /// </summary>
    public OfficialDocument Masthead(string masthead, string number)
    {
        var head = Paragraph(StyleIds.Title, [new TextRun(masthead)]);
        foreach (var run in head.Elements<Run>())
        {
            var properties = run.RunProperties ??= new RunProperties();
            properties.Append(new Color { Val = Red });
        }
        body.Add(head);
        var numberLine = Paragraph(StyleIds.Subtitle, [new TextRun(number)]);
        // The red rule under the number (版头中的分隔线): a bottom border on the number's paragraph.
        numberLine.ParagraphProperties!.Append(new ParagraphBorders(new BottomBorder { Val = DocumentFormat.OpenXml.Wordprocessing.BorderValues.Single, Size = 12, Color = Red, Space = 4 }));
        body.Add(numberLine);
        body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = StyleIds.Body })));
        return this;
    }
}
