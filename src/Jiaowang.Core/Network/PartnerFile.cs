using System.Text;
using MiniExcelLibs;

namespace Jiaowang.Core.Network;

/// <summary>A partner file's cells: the header and each data row with its row number in the file (header = row 1).</summary>
public sealed record SheetData(IReadOnlyList<string> Header, IReadOnlyList<(int Row, IReadOnlyList<string> Cells)> Rows);

/// <summary>Reads and writes partner lists as CSV (RFC 4180, UTF-8 with BOM so Excel opens Chinese right) or Excel (.xlsx).</summary>
public static class PartnerFile
{
    static PartnerFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string path) => Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".xlsx";

    /// <summary>Reads the cells; null when the file has no header row.</summary>
    public static SheetData? Read(string path, Stream content)
    {
        var rows = Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(content) : ReadCsv(content);
        if (rows.Count == 0 || rows[0].All(string.IsNullOrWhiteSpace)) return null;
        return new SheetData(rows[0], rows.Skip(1).Select((cells, i) => (i + 2, (IReadOnlyList<string>)cells)).ToList());
    }

    static List<string[]> ReadCsv(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return CsvText.Parse(Decode(buffer.ToArray()));
    }

    /// <summary>UTF-8 (with or without BOM) if it decodes, else GB18030: what Excel in a Chinese Windows saves as "CSV".</summary>
    static string Decode(byte[] bytes)
    {
        try { return new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { return Encoding.GetEncoding("GB18030").GetString(bytes); }
    }

    static List<string[]> ReadXlsx(Stream content)
    {
        var rows = new List<string[]>();
        foreach (IDictionary<string, object?> row in content.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows.Add(row.Values.Select(v => v switch
            {
                null => "",
                DateTime d => d.ToString("yyyy-MM-dd"),
                double n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            }).ToArray());
        }
        return rows;
    }

    /// <summary>Writes the header and rows to <paramref name="path"/>, as CSV or .xlsx by its extension.</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        if (Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var sheet = rows.Select(r =>
            {
                var d = new Dictionary<string, object?>();
                for (var i = 0; i < header.Count; i++) d[header[i]] = i < r.Count ? r[i] : null;
                return d;
            }).ToList();
            // MiniExcel takes the header from the first row: an empty registry still exports its columns (and one blank
            // row, which import skips), so the file can serve as the template to fill in.
            if (sheet.Count == 0) sheet.Add(header.ToDictionary(h => h, _ => (object?)null));
            using var stream = File.Create(path);
            stream.SaveAs(sheet, printHeader: true, sheetName: "partners", excelType: ExcelType.XLSX);
            return;
        }
        File.WriteAllText(path, CsvText.Write(rows.Prepend(header.ToArray())), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }
}
