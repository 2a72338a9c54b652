using System.Globalization;
using System.Resources;

namespace Jiaowang.Core.Spreadsheets;

/// <summary>Import problems in the reader's language: SpreadsheetMessages.resx (简体中文, neutral) and SpreadsheetMessages.en.resx.</summary>
public static class SpreadsheetMessages
{
    static readonly ResourceManager Resources = new("Jiaowang.Core.Spreadsheets.SpreadsheetMessages", typeof(SpreadsheetMessages).Assembly);

    public static string Format(string key, params object[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"Missing spreadsheet message '{key}'.");
        return string.Format(culture, template, args);
    }
}
