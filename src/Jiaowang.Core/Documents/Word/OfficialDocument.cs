using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiaowang.Core.Documents.Word;

/// <summary>
/// Writes a Word document in the layout of GB/T 9704-2012 《党政机关公文格式》, without the red masthead (红头): A4, text
/// block 156 × 225 mm, 22 lines of 28 characters, title in 2号小标宋, body in 3号仿宋, headings 一、(黑体) （一）(楷体)
/// 1.(仿宋加粗), issuing office and date at the end, page numbers "— 1 —" in 4号宋体 at the outer edge.
/// Add the parts in reading order, then <see cref="Save"/>. The layout rules are written down in docs/DOCUMENTS.md.
/// </summary>
public sealed partial class OfficialDocument
{
    /// <summary>
    /// Half-width , ; : ( ) between Chinese characters, as text copied out of a PDF often has them: an official document
    /// sets Chinese punctuation full-width. Figures and Latin text around them are left alone.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[\u3400-\u9fff\uff08\uff09])([,;:()])(?=[\u3400-\u9fff\uff08\uff09])")]
    private static partial System.Text.RegularExpressions.Regex HalfWidthBetweenChinese();

    public static string FullWidthPunctuation(string text) => HalfWidthBetweenChinese().Replace(text, m => m.Value switch
    {
        "," => "，",
        ";" => "；",
        ":" => "：",
        "(" => "（",
        _ => "）",
    });

    // Word measures in twentieths of a point (twips); 1 mm = 1440 / 25.4 twips.
    static int Mm(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    public const int PageWidth = 11906, PageHeight = 16838; // A4
    /// <summary>天头 37 mm.</summary>
    public static readonly int TopMargin = Mm(37);
    /// <summary>订口 28 mm.</summary>
    public static readonly int LeftMargin = Mm(28);
    /// <summary>版心 156 mm wide: the right margin is what is left of 210 mm.</summary>
    public static readonly int RightMargin = Mm(210 - 28 - 156);
    /// <summary>版心 225 mm high.</summary>
    public static readonly int BottomMargin = Mm(297 - 37 - 225);
    public static readonly int TextWidth = Mm(156);
    /// <summary>22 lines in 225 mm: a fixed line pitch of 28.95 pt, in twips.</summary>
    public static readonly int LinePitch = Mm(225) / 22;
    /// <summary>3号 = 16 pt, in half-points.</summary>
    public const int BodySize = 32;
    /// <summary>2号 = 22 pt.</summary>
    public const int TitleSize = 44;
    /// <summary>4号 = 14 pt.</summary>
    public const int SmallSize = 28;
    /// <summary>
    /// 28 characters in 156 mm make a character pitch of 15.75 pt, a little under the 16 pt face: every run is set
    /// 0.25 pt tighter (in twentieths of a point). Word's character grid would do the same, but LibreOffice reads that
    /// grid differently, so the spacing is explicit and both agree.
    /// </summary>
    public const int CharacterSpacing = -5;
    /// <summary>One 3号 character on the 28-per-line grid, in twips: the unit of indents (首行缩进二字, 右空二字).</summary>
    public const int Em = 320 + CharacterSpacing;

    readonly FontChoice fonts;
    readonly List<OpenXmlElement> body = [];

    public OfficialDocument(FontChoice fonts = FontChoice.Official) => this.fonts = fonts;

    string Face(OfficialFont font) => fonts == FontChoice.Official ? font.Official : font.Installed;

    /// <summary>The title (标题), centred; several lines when long, each breaking where the caller put "\n".</summary>
    public OfficialDocument Title(string title)
    {
        body.Add(Paragraph(StyleIds.Title, title.Split('\n').SelectMany((line, i) =>
            i == 0 ? [new TextRun(line)] : new[] { new TextRun("\n"), new TextRun(line) })));
        // 标题下空一行.
        body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = StyleIds.Body })));
        return this;
    }

    /// <summary>A line under the title, centred in 楷体: the period a bulletin covers, or a document's subtitle.</summary>
    public OfficialDocument Subtitle(string text)
    {
        // Put it above the blank line that follows the title.
        var blank = body[^1];
        body.RemoveAt(body.Count - 1);
        body.Add(Paragraph(StyleIds.Subtitle, [new TextRun(text)]));
        body.Add(blank);
        return this;
    }

    /// <summary>一、 heading in 黑体. Pass the whole heading, numeral included.</summary>
    public OfficialDocument Heading1(string text) => Add(StyleIds.Heading1, [new TextRun(text)]);

    /// <summary>（一） heading in 楷体.</summary>
    public OfficialDocument Heading2(string text) => Add(StyleIds.Heading2, [new TextRun(text)]);

    /// <summary>1. heading in 仿宋, bold.</summary>
    public OfficialDocument Heading3(string text) => Add(StyleIds.Heading3, [new TextRun(text)]);

    /// <summary>A body paragraph with a two-character first-line indent.</summary>
    public OfficialDocument Text(string text) => Add(StyleIds.Body, [new TextRun(text)]);

    public OfficialDocument Text(IEnumerable<TextRun> runs) => Add(StyleIds.Body, runs);

    /// <summary>Report text converted from HTML; the lead runs (a unit's name, say) go in front of the first paragraph.</summary>
    public OfficialDocument Blocks(IReadOnlyList<TextBlock> blocks, IReadOnlyList<TextRun>? lead = null)
    {
        if (blocks.Count == 0)
        {
            if (lead is { Count: > 0 }) Add(StyleIds.Body, lead);
            return this;
        }
        for (var i = 0; i < blocks.Count; i++)
        {
            var runs = new List<TextRun>();
            if (i == 0 && lead is not null) runs.AddRange(lead);
            if (blocks[i].Marker is { } marker) runs.Add(new TextRun(marker + " "));
            runs.AddRange(blocks[i].Runs);
            Add(StyleIds.Body, runs);
        }
        return this;
    }

    OfficialDocument Add(string style, IEnumerable<TextRun> runs)
    {
        body.Add(Paragraph(style, runs));
        return this;
    }

    /// <summary>
    /// A table in 4号仿宋 with single borders across the text block, its header row repeated on every page.
    /// </summary>
    /// <param name="widths">Relative widths of the columns.</param>
    /// <param name="numeric">Columns whose cells are centred (numbers, ratios, statuses).</param>
    public OfficialDocument Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<int> widths,
        IReadOnlySet<int>? numeric = null)
    {
        var total = widths.Sum();
        var columns = widths.Select(w => TextWidth * w / total).ToList();
        var border = new Func<OpenXmlElement>[]
        {
            () => new TopBorder(), () => new LeftBorder(), () => new BottomBorder(), () => new RightBorder(),
            () => new InsideHorizontalBorder(), () => new InsideVerticalBorder(),
        };
        var table = new Table(new TableProperties(
            new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(border.Select(make =>
            {
                var b = (BorderType)make();
                b.Val = BorderValues.Single;
                b.Size = 4;
                b.Color = "000000";
                return (OpenXmlElement)b;
            })),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableGrid(columns.Select(w => new GridColumn { Width = w.ToString() })));

        table.Append(Row(headers, header: true));
        foreach (var row in rows) table.Append(Row(row, header: false));
        body.Add(table);
        // A table directly followed by a heading sits too close: leave the half line the body leaves.
        body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = StyleIds.TableGap })));
        return this;

        TableRow Row(IReadOnlyList<string> cells, bool header)
        {
            var tr = new TableRow();
            var properties = new TableRowProperties(new CantSplit());
            if (header) properties.Append(new TableHeader());
            tr.Append(properties);
            for (var c = 0; c < columns.Count; c++)
            {
                var centred = header || numeric?.Contains(c) == true;
                var paragraph = Paragraph(header ? StyleIds.TableHeader : StyleIds.TableText,
                    [new TextRun(c < cells.Count ? cells[c] : "")]);
                if (centred && !header) paragraph.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Center });
                tr.Append(new TableCell(new TableCellProperties(
                    new TableCellWidth { Width = columns[c].ToString(), Type = TableWidthUnitValues.Dxa },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }), paragraph));
            }
            return tr;
        }
    }

    /// <summary>
    /// The issuing office (发文机关署名) and the date (成文日期) after the body, as for a document without a seal
    /// (GB/T 9704 7.3.5.2): one blank line, the office 右空二字, the date on the next line starting two characters further
    /// right; when the date is the longer, the office moves left so that the date keeps 右空二字.
    /// </summary>
    public OfficialDocument Signature(string office, DateOnly date)
    {
        var day = $"{date.Year}年{date.Month}月{date.Day}日";
        double officeWidth = Width(office), dayWidth = Width(day);
        double officeRight, dayRight;
        if (dayWidth + 2 <= officeWidth) { officeRight = 2; dayRight = officeWidth - dayWidth; }
        else { dayRight = 2; officeRight = 4 + dayWidth - officeWidth; }
        // The signature never stands alone on a last page (GB/T 9704 7.3.5): the end of the text keeps with the blank
        // line, the blank line with the office, the office with the date, so the text's last lines move over with them.
        switch (body.LastOrDefault())
        {
            case Paragraph last: KeepWithNext(last); break;
            case Table table when table.Elements<TableRow>().LastOrDefault() is { } row:
                foreach (var cell in row.Descendants<Paragraph>()) KeepWithNext(cell);
                break;
        }
        var blank = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = StyleIds.Body }));
        KeepWithNext(blank);
        body.Add(blank);
        var signedBy = Right(office, officeRight);
        KeepWithNext(signedBy);
        body.Add(signedBy);
        body.Add(Right(day, dayRight));
        return this;

        Paragraph Right(string text, double ems)
        {
            var p = Paragraph(StyleIds.Signature, [new TextRun(text)]);
            p.ParagraphProperties!.Append(new Indentation { Right = ((int)Math.Round(ems * Em)).ToString(), FirstLine = "0" });
            return p;
        }
    }

    static void KeepWithNext(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties ??= new ParagraphProperties();
        if (properties.GetFirstChild<KeepNext>() is not null) return;
        // keepNext follows pStyle in the schema's order; anything else in the properties comes after it.
        if (properties.ParagraphStyleId is { } style) style.InsertAfterSelf(new KeepNext());
        else properties.PrependChild(new KeepNext());
    }

    /// <summary>Width of a line in characters: Chinese characters one, Latin letters and digits half.</summary>
    static double Width(string text) => text.Sum(c => c < 0x2E80 ? 0.5 : 1.0);

    public void Save(Stream stream)
    {
        using var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = OfficialStyles.Create(Face);
        var fontTable = main.AddNewPart<FontTablePart>();
        fontTable.Fonts = FontTable();
        var settings = main.AddNewPart<DocumentSettingsPart>();
        // Odd and even pages carry their numbers on opposite sides (单页码居右、双页码居左).
        settings.Settings = new Settings(new DefaultTabStop { Val = Em * 2 }, new EvenAndOddHeaders(),
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
            }));

        var odd = main.AddNewPart<FooterPart>();
        odd.Footer = PageNumberFooter(JustificationValues.Right);
        var even = main.AddNewPart<FooterPart>();
        even.Footer = PageNumberFooter(JustificationValues.Left);

        var section = new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
            new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = TopMargin, Bottom = BottomMargin, Left = (uint)LeftMargin, Right = (uint)RightMargin,
                Header = (uint)Mm(15),
                // 页码 "一字线上距版心下边缘 7 mm": the footer's foot sits a 4号 line below that.
                Footer = (uint)Mm(297 - 37 - 225 - 7 - 5), Gutter = 0,
            },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch });
        main.Document = new Document(new Body(body.Select(e => e.CloneNode(true)).Append(section)));
        main.Document.Save();
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    Fonts FontTable()
    {
        var fontsElement = new Fonts();
        foreach (var font in OfficialFonts.All.DistinctBy(Face))
        {
            var entry = new Font { Name = Face(font) };
            if (fonts == FontChoice.Official) entry.Append(new AltName { Val = font.Installed });
            entry.Append(
                new Panose1Number { Val = font.Panose },
                new FontCharSet { Val = "86" }, // GB2312
                new FontFamily { Val = font.Serif ? FontFamilyValues.Roman : FontFamilyValues.Swiss },
                new Pitch { Val = FontPitchValues.Variable });
            fontsElement.Append(entry);
        }
        return fontsElement;
    }

    Footer PageNumberFooter(JustificationValues side)
    {
        var indent = new Indentation { FirstLine = "0" };
        // 单页码右空一字，双页码左空一字 (one 4号 character).
        if (side == JustificationValues.Right) indent.Right = "280"; else indent.Left = "280";
        var properties = new RunProperties(new RunFonts
        {
            Ascii = Face(OfficialFonts.Song), HighAnsi = Face(OfficialFonts.Song), EastAsia = Face(OfficialFonts.Song),
        }, new FontSize { Val = SmallSize.ToString() });
        Run Text(string text) => new(properties.CloneNode(true), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        Run Field(FieldCharValues type) => new(properties.CloneNode(true), new FieldChar { FieldCharType = type });
        return new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = StyleIds.Footer }, indent, new Justification { Val = side }),
            Text("— "),
            Field(FieldCharValues.Begin),
            new Run(properties.CloneNode(true), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            Field(FieldCharValues.Separate),
            Text("1"),
            Field(FieldCharValues.End),
            Text(" —")));
    }

    static Paragraph Paragraph(string style, IEnumerable<TextRun> runs)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        foreach (var run in runs)
        {
            if (run.Text == "\n")
            {
                paragraph.Append(new Run(new Break()));
                continue;
            }
            var properties = new RunProperties();
            if (run.Bold) properties.Append(new Bold(), new BoldComplexScript());
            if (run.Italic) properties.Append(new Italic());
            if (run.Underline) properties.Append(new Underline { Val = UnderlineValues.Single });
            var r = new Run();
            if (properties.HasChildren) r.Append(properties);
            // Text stored before the input rule (or by hand) may hold characters XML cannot: drop them, never fail the document.
            r.Append(new Text(FullWidthPunctuation(Jiaowang.Core.Input.TextInput.StripInvalid(run.Text))) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(r);
        }
        return paragraph;
    }
}
