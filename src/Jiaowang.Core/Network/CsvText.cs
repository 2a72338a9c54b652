using System.Text;

namespace Jiaowang.Core.Network;

/// <summary>
/// RFC 4180 CSV: fields separated by commas, optionally quoted, quotes doubled inside quotes, CRLF or LF line ends.
/// Small enough to own; it keeps the row numbers exact, which the import's error messages depend on.
/// </summary>
public static class CsvText
{
    /// <summary>Every record; a blank line is a record with one empty field (so row numbers match the file's lines).</summary>
    public static List<string[]> Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString()); field.Clear();
                rows.Add([.. fields]); fields.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); rows.Add([.. fields]); }
        return rows;
    }

    public static string Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.AppendJoin(',', row.Select(v => Field(v)));
            sb.Append("\r\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// One field as every CSV file Jiaowang writes has it: safe to open in Excel or WPS, quoted when it needs to be
    /// (always, with <paramref name="alwaysQuote"/>). Text comes out as text, and invalid characters never reach the file.
    /// </summary>
    public static string Field(string? value, bool alwaysQuote = false)
    {
        value = Neutralize(Jiaowang.Core.Input.TextInput.StripInvalid(value ?? ""));
        return alwaysQuote || value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>
    /// A cell starting with =, +, -, @, tab or CR is read by Excel as a formula (=HYPERLINK(…) becomes a live link that
    /// can send data out): such text gets a leading apostrophe, which spreadsheets show as text. A plain number such as
    /// a negative longitude stays a number.
    /// </summary>
    public static string Neutralize(string value)
    {
        if (value.Length == 0 || "=+-@\t\r".IndexOf(value[0]) < 0) return value;
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)) return value;
        return "'" + value;
    }
}
