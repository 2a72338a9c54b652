using System.Globalization;
using System.Resources;

namespace Jiaowang.Core.Documents;

/// <summary>
/// Warning and error texts of the parser and reader, from ParserMessages.resx (neutral = 简体中文,
/// since the plans' users read Chinese first) and ParserMessages.en.resx, in CurrentUICulture.
/// </summary>
internal static class ParserMessages
{
    private static readonly ResourceManager Resources =
        new("Jiaowang.Core.Documents.ParserMessages", typeof(ParserMessages).Assembly);

    public static string Format(string key, params object[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(key, culture)
            ?? throw new InvalidOperationException($"Missing parser message '{key}'.");
        return string.Format(culture, template, args);
    }
}
