using Jiaowang.Core.Documents.Parsing;

namespace Jiaowang.Core.Documents;

/// <summary>Parses the text of a Chinese government work plan (工作方案) into targets, tasks, units and phases.</summary>
public static class PlanDocumentParser
{
    public static ParsedPlan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = TaskTables.Rewrite(LineJoiner.SplitLines(text));
        var paragraphs = LineJoiner.Join(lines);

        // Some plans (责任分解 lists) have no 一、 chapters and start at their first (一) section.
        var firstChapter = paragraphs.FirstOrDefault(p => Headings.Classify(p.Text).Level == HeadingLevel.Chapter)
            ?? paragraphs.FirstOrDefault(p => Headings.Classify(p.Text).Level == HeadingLevel.Section);
        var header = firstChapter is null ? lines.Take(20).ToList() : lines.Where(l => l.Line < firstChapter.Line).ToList();

        var title = HeaderFields.ReadTitle(header);
        var issuedOn = HeaderFields.ReadIssuedOn(header);
        var body = ReadBody(false);
        // A plan with chapters and numbered parts but no tasks chapter and no units is read loosely, with a warning per task.
        if (body.Tasks.Count == 0 && body.Targets.Count == 0) body = ReadBody(true);

        var units = body.Tasks.SelectMany(t => t.LeadUnits.Concat(t.CoUnits)).Distinct().ToList();
        return new ParsedPlan(
            title,
            HeaderFields.ReadDocumentNumber(header),
            issuedOn,
            body.Targets,
            body.Tasks,
            body.Phases,
            units,
            body.UnitNotes,
            body.Warnings.OrderBy(w => w.Line).ToList());

        PlanBodyReader ReadBody(bool loose)
        {
            var taskWord = paragraphs.Any(p => Headings.Classify(p.Text) is { Level: HeadingLevel.Chapter } h && h.Title.Contains("任务"));
            var reader = new PlanBodyReader(HeaderFields.YearOf(title), issuedOn is { } d ? new YearMonth(d.Year, d.Month) : null, loose, taskWord);
            foreach (var paragraph in paragraphs.SkipWhile(p => p != firstChapter)) reader.Read(paragraph);
            reader.Finish();
            return reader;
        }
    }
}
