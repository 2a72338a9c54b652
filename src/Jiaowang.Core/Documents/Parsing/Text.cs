namespace Jiaowang.Core.Documents.Parsing;

/// <summary>Character classes shared by the parser; ASCII and full-width forms are treated alike.</summary>
internal static class Text
{
    public static readonly char[] ClausePunctuation = [',', '，', '、', '。', ';', '；', ':', '：', '！', '？'];

    public static bool IsSentenceEnd(char c) => c is '。' or '；' or ';' or '：' or ':' or '！' or '？' or '!' or '?';

    public static bool IsOpener(char c) => c is '(' or '（' or '〈' or '<' or '《' or '〔' or '[' or '［' or '【' or '“';

    public static bool IsCloser(char c) => c is ')' or '）' or '〉' or '>' or '》' or '〕' or ']' or '］' or '】' or '”';

    public static bool IsCjk(char c) => c >= '\u3400' && c <= '\u9FFF';

    /// <summary>Splits at the given separators outside any brackets, keeping each part's offset.</summary>
    public static List<(string Part, int Offset)> SplitTopLevel(string text, Func<char, bool> isSeparator)
    {
        var parts = new List<(string, int)>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsOpener(c)) depth++;
            else if (IsCloser(c)) depth = Math.Max(0, depth - 1);
            else if (depth == 0 && isSeparator(c))
            {
                Add(i);
                start = i + 1;
            }
        }
        Add(text.Length);
        return parts;

        void Add(int end)
        {
            var raw = text[start..end];
            var trimmed = raw.TrimStart();
            var offset = start + raw.Length - trimmed.Length;
            trimmed = trimmed.TrimEnd();
            if (trimmed.Length > 0) parts.Add((trimmed, offset));
        }
    }

    /// <summary>Removes PDF spacing next to CJK characters ("会议 3 号" → "会议3号") but keeps spaces between Latin words.</summary>
    public static string Compact(string text)
    {
        var chars = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                var prev = chars.Length > 0 ? chars[^1] : ' ';
                var j = i;
                while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
                var next = j < text.Length ? text[j] : ' ';
                if (char.IsAsciiLetterOrDigit(prev) && char.IsAsciiLetterOrDigit(next)) chars.Append(' ');
                i = j - 1;
                continue;
            }
            chars.Append(c);
        }
        return chars.ToString().Trim();
    }

    public static int ChineseNumeral(string numeral)
    {
        const string digits = "零一二三四五六七八九";
        if (numeral.Length == 0) return 0;
        var ten = numeral.IndexOf('十');
        if (ten < 0) return digits.IndexOf(numeral[0]);
        var tens = ten == 0 ? 1 : digits.IndexOf(numeral[ten - 1]);
        var ones = ten == numeral.Length - 1 ? 0 : digits.IndexOf(numeral[ten + 1]);
        return tens * 10 + ones;
    }
}
