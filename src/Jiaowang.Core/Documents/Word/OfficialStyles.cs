using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiaowang.Core.Documents.Word;

/// <summary>The paragraph styles of an official document, by id.</summary>
public static class StyleIds
{
    /// <summary>Body text (正文): the document's default paragraph style.</summary>
    public const string Body = "Normal";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Heading3 = "Heading3";
    public const string TableText = "TableText";
    public const string TableHeader = "TableHeader";
    public const string TableGap = "TableGap";
    public const string Signature = "Signature";
    public const string Footer = "Footer";
}

/// <summary>The style sheet: sizes, faces and spacing of GB/T 9704 as Word styles, so a reader can restyle the document.</summary>
static class OfficialStyles
{
    public static Styles Create(Func<OfficialFont, string> face)
    {
        var installed = face(OfficialFonts.FangSong) == OfficialFonts.FangSong.Installed;
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(face(OfficialFonts.FangSong)),
                new Spacing { Val = OfficialDocument.CharacterSpacing },
                new Kern { Val = 0 },
                new FontSize { Val = OfficialDocument.BodySize.ToString() },
                new FontSizeComplexScript { Val = OfficialDocument.BodySize.ToString() },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = OfficialDocument.LinePitch.ToString(), LineRule = LineSpacingRuleValues.Exact }))));

        styles.Append(
            Style(StyleIds.Body, "Normal", null, isDefault: true,
                Paragraph(JustificationValues.Both, firstLine: true), null),
            Style(StyleIds.Title, "Title", StyleIds.Body, false,
                Paragraph(JustificationValues.Center, firstLine: false, line: 700),
                // 小标宋 is a heavy face of its own; its stand-in is made bold instead.
                Run(face(OfficialFonts.XiaoBiaoSong), OfficialDocument.TitleSize, bold: installed)),
            Style(StyleIds.Subtitle, "Subtitle", StyleIds.Body, false,
                Paragraph(JustificationValues.Center, firstLine: false),
                Run(face(OfficialFonts.Kai), OfficialDocument.BodySize, bold: false)),
            Heading(StyleIds.Heading1, "heading 1", 0, Run(face(OfficialFonts.Hei), OfficialDocument.BodySize, bold: false)),
            // 楷体's stand-in is the body's own serif face: bold keeps the second level visible.
            Heading(StyleIds.Heading2, "heading 2", 1, Run(face(OfficialFonts.Kai), OfficialDocument.BodySize, bold: installed)),
            Heading(StyleIds.Heading3, "heading 3", 2, Run(face(OfficialFonts.FangSong), OfficialDocument.BodySize, bold: true)),
            Style(StyleIds.TableText, "Table Text", StyleIds.Body, false,
                Cell(JustificationValues.Left),
                Run(face(OfficialFonts.FangSong), OfficialDocument.SmallSize, bold: false)),
            Style(StyleIds.TableHeader, "Table Header", StyleIds.Body, false,
                Cell(JustificationValues.Center),
                Run(face(OfficialFonts.Hei), OfficialDocument.SmallSize, bold: false)),
            Style(StyleIds.TableGap, "Table Gap", StyleIds.Body, false,
                new StyleParagraphProperties(new SnapToGrid { Val = false },
                    new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Exact },
                    new Indentation { FirstLine = "0" }), null),
            Style(StyleIds.Signature, "Signature", StyleIds.Body, false,
                Paragraph(JustificationValues.Right, firstLine: false), null),
            Style(StyleIds.Footer, "footer", StyleIds.Body, false,
                new StyleParagraphProperties(new SnapToGrid { Val = false },
                    new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                    new Indentation { FirstLine = "0" }), null));
        return styles;
    }

    static Style Heading(string id, string name, int level, StyleRunProperties run)
    {
        var properties = Paragraph(JustificationValues.Both, firstLine: true);
        properties.PrependChild(new KeepNext());
        properties.Append(new OutlineLevel { Val = level });
        return Style(id, name, StyleIds.Body, false, properties, run);
    }

    static Style Style(string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties? paragraph, StyleRunProperties? run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? OnOffValue.FromBoolean(true) : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new PrimaryStyle());
        if (paragraph is not null) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }

    static StyleParagraphProperties Paragraph(JustificationValues justification, bool firstLine, int? line = null)
    {
        var properties = new StyleParagraphProperties();
        if (line is { } exact)
            properties.Append(new SpacingBetweenLines { Line = exact.ToString(), LineRule = LineSpacingRuleValues.Exact });
        // 首行缩进二字.
        properties.Append(firstLine
            ? new Indentation { FirstLine = (OfficialDocument.Em * 2).ToString() }
            : new Indentation { FirstLine = "0" });
        properties.Append(new Justification { Val = justification });
        return properties;
    }

    /// <summary>Table cells leave the page's line grid: a 4号 line at single spacing.</summary>
    static StyleParagraphProperties Cell(JustificationValues justification) => new(
        new SnapToGrid { Val = false },
        new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.Exact },
        new Indentation { FirstLine = "0" },
        new Justification { Val = justification });

    static StyleRunProperties Run(string face, int size, bool bold)
    {
        var run = new StyleRunProperties(Fonts(face));
        if (bold) run.Append(new Bold(), new BoldComplexScript());
        run.Append(new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() });
        return run;
    }

    static RunFonts Fonts(string face) => new() { Ascii = face, HighAnsi = face, EastAsia = face, ComplexScript = face };
}
