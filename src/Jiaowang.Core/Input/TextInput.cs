using System.Text;

namespace Jiaowang.Core.Input;

/// <summary>What is wrong with a piece of text a person typed or imported; <see cref="None"/> when nothing is.</summary>
public enum TextProblem { None, Control, Surrogate, Noncharacter, Bidi, TooLong }

/// <summary>
/// The one rule for text coming in (web forms, the API, imported files) and the one guard for text going out into
/// documents. Coming in, text is refused when it holds what no person means to type: control characters other than
/// tab and line breaks, half of a surrogate pair, Unicode noncharacters, and the bidi overrides and isolates that make
/// text display differently from what it says (U+202A–U+202E, U+2066–U+2069). Going out, anything XML 1.0 cannot hold is
/// dropped, so that text stored before this rule (or put in the database by hand) can never stop an .xlsx or .docx.
/// </summary>
public static class TextInput
{
    /// <summary>The longest text a single field takes unless its own rule is stricter: a long report, not a book.</summary>
    public const int MaxLength = 50_000;

    public static TextProblem Check(string? value, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(value)) return TextProblem.None;
        if (value.Length > maxLength) return TextProblem.TooLong;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return TextProblem.Surrogate;
                var code = char.ConvertToUtf32(c, value[++i]);
                if ((code & 0xFFFE) == 0xFFFE) return TextProblem.Noncharacter;
                continue;
            }
            if (char.IsLowSurrogate(c)) return TextProblem.Surrogate;
            if (c is '\t' or '\n' or '\r') continue;
            if (c < 0x20 || c is >= '\u007F' and <= '\u009F') return TextProblem.Control;
            if (c is >= '\uFDD0' and <= '\uFDEF' || c is '\uFFFE' or '\uFFFF') return TextProblem.Noncharacter;
            if (c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069') return TextProblem.Bidi;
        }
        return TextProblem.None;
    }

    /// <summary>The text without the characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE, U+FFFF).</summary>
    public static string StripInvalid(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value ?? "";
        if (IsXmlSafe(value)) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else if (IsXmlChar(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    static bool IsXmlSafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (!IsXmlChar(c)) return false;
        }
        return true;
    }

    static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || c is >= '\u0020' and <= '\uD7FF' || c is >= '\uE000' and <= '\uFFFD';
}
