using Jiaowang.Core.Documents.Parsing;

namespace Jiaowang.Core.Documents;

/// <summary>Parses the text of a Chinese government work plan (工作方案) into targets, tasks, units and phases.</summary>
public static class PlanDocumentParser
{
    public static ParsedPlan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = LineJoiner.SplitLines(text);
        var paragraphs = LineJoiner.Join(lines);

        var firstChapter = paragraphs.FirstOrDefault(p => Headings.Classify(p.Text).Level == HeadingLevel.Chapter);
        var header = firstChapter is null ? lines.Take(20).ToList() : lines.Where(l => l.Line < firstChapter.Line).ToList();

        var body = new PlanBodyReader();
        foreach (var paragraph in paragraphs.SkipWhile(p => p != firstChapter)) body.Read(paragraph);

        var units = body.Tasks.SelectMany(t => t.LeadUnits.Concat(t.CoUnits)).Distinct().ToList();
        return new ParsedPlan(
            HeaderFields.ReadTitle(header),
            HeaderFields.ReadDocumentNumber(header),
            HeaderFields.ReadIssuedOn(header),
            body.Targets,
            body.Tasks,
            body.Phases,
            units,
            body.UnitNotes,
            body.Warnings.OrderBy(w => w.Line).ToList());
    }
}
