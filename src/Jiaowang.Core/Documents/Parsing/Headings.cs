using System.Text.RegularExpressions;

namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// The numbering levels of a Chinese government document: 一、 (chapter), （一） (section),
/// 1. / 1． / 1、 or (1) (item), ① (sub-item, never a task of its own), and —— bullets used for target lists.
/// </summary>
internal enum HeadingLevel { None, Chapter, Section, Item, SubItem, Bullet }

/// <param name="Parenthesized">An item numbered "(1)"/"（1）": a task where it is the only item level,
/// a sub-item inside a task numbered "1.".</param>
internal readonly record struct Heading(HeadingLevel Level, string Number, string Rest, int RestOffset, bool Parenthesized = false)
{
    /// <summary>The heading's own words: up to the first full stop, since sections often run on into prose.</summary>
    public string Title => Rest.IndexOf('。') is var stop and >= 0 ? Rest[..stop].Trim() : Rest.Trim();

    /// <summary>What follows the heading's first sentence, with its offset in the paragraph.</summary>
    public (string Text, int Offset) Body
    {
        get
        {
            var stop = Rest.IndexOf('。');
            if (stop < 0) return ("", RestOffset + Rest.Length);
            var after = Rest[(stop + 1)..];
            var leading = after.Length - after.TrimStart().Length;
            return (after.Trim(), RestOffset + stop + 1 + leading);
        }
    }
}

/// <summary>What a chapter of the plan is about.</summary>
internal enum SectionKind { None, Targets, Tasks, Phases, Other }

internal static partial class Headings
{
    [GeneratedRegex(@"^\s*([一二三四五六七八九十]{1,3})\s*[、．.]\s*")]
    private static partial Regex ChapterPattern();

    [GeneratedRegex(@"^\s*[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*")]
    private static partial Regex SectionPattern();

    // "1.9 万人" at the start of a rejoined line is a number, not item 1: the mark must not be followed by a digit.
    [GeneratedRegex(@"^\s*(?:(\d{1,3})\s*(?:[.．、](?!\d)|[)）])|[(（]\s*(\d{1,3})\s*[)）])\s*")]
    private static partial Regex ItemPattern();

    // "第一条 …": numbered articles, read as items.
    [GeneratedRegex(@"^\s*第([一二三四五六七八九十]{1,3})条\s*")]
    private static partial Regex ArticlePattern();

    [GeneratedRegex(@"^\s*([①-⑳])\s*")]
    private static partial Regex CircledPattern();

    [GeneratedRegex(@"^\s*(?:——|—|--|－－)\s*")]
    private static partial Regex BulletPattern();

    [GeneratedRegex("阶段|步骤|时间安排|工作安排|进度安排|时间节点")]
    private static partial Regex PhaseWords();

    [GeneratedRegex("任务|举措|重点工作|主要措施|工作措施|具体措施")]
    private static partial Regex TaskWords();

    public static Heading Classify(string text)
    {
        if (ChapterPattern().Match(text) is { Success: true } chapter)
            return Make(HeadingLevel.Chapter, chapter.Groups[1].Value, chapter);
        if (SectionPattern().Match(text) is { Success: true } section)
            return Make(HeadingLevel.Section, section.Groups[1].Value, section);
        if (ItemPattern().Match(text) is { Success: true } item)
            return item.Groups[1].Success
                ? Make(HeadingLevel.Item, item.Groups[1].Value, item)
                : Make(HeadingLevel.Item, item.Groups[2].Value, item) with { Parenthesized = true };
        if (ArticlePattern().Match(text) is { Success: true } article)
            return Make(HeadingLevel.Item, Text.ChineseNumeral(article.Groups[1].Value).ToString(System.Globalization.CultureInfo.InvariantCulture), article);
        if (CircledPattern().Match(text) is { Success: true } circled)
            return Make(HeadingLevel.SubItem, (circled.Groups[1].Value[0] - '①' + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), circled);
        if (BulletPattern().Match(text) is { Success: true } bullet)
            return Make(HeadingLevel.Bullet, "", bullet);
        return new Heading(HeadingLevel.None, "", text, 0);

        Heading Make(HeadingLevel level, string number, Match m) => new(level, number, text[m.Length..], m.Length);
    }

    // "附件1", "附件 2", "附件：" on a line of their own.
    [GeneratedRegex(@"^\s*附\s*件\s*[0-9一二三四五六七八九十]{0,2}\s*[:：]?\s*$")]
    private static partial Regex AttachmentMark();

    // "县示范区管委会牵头工作(8项)", "（二）市商务局牵头的任务": the part names its lead unit once.
    [GeneratedRegex(@"^(?:由)?([\u3400-\u9FFF（）()、]{2,30}?)牵头(?:的|负责的)?(?:工作|任务|事项)")]
    private static partial Regex LeadOfPartPattern();

    [GeneratedRegex("总体要求|指导思想|基本原则|工作原则|保障|组织领导|组织实施|工作要求|背景|意义|目标|指标")]
    private static partial Regex GeneralChapter();

    public static bool IsAttachmentMark(string text) => AttachmentMark().IsMatch(text);

    public static string? LeadOfPart(string title) =>
        LeadOfPartPattern().Match(title) is { Success: true } m ? m.Groups[1].Value : null;

    public static bool IsGeneralChapter(string title) => GeneralChapter().IsMatch(title);

    [GeneratedRegex(@"(?:任务|分工|分解|责任)(?:表|清单|一览表)$")]
    private static partial Regex TaskTableName();

    public static SectionKind KindOf(string title)
    {
        // "2016年民生实事目标任务分解表": a chapter named after a task table (the caption of a table that is the
        // whole attachment) holds its rows, which are tasks, whatever else the name says.
        if (TaskTableName().IsMatch(title)) return SectionKind.Tasks;
        if (title.Contains("目标") || title.Contains("指标")) return SectionKind.Targets;
        if (PhaseWords().IsMatch(title)) return SectionKind.Phases;
        if (TaskWords().IsMatch(title) && !title.Contains("保障")) return SectionKind.Tasks;
        return SectionKind.Other;
    }
}
