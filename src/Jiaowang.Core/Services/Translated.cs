namespace Jiaowang.Core.Services;

/// <summary>A text as the reader gets it: in their language, or the Chinese with <see cref="Translated"/> false.</summary>
public sealed record TranslatedText(string? Text, bool Translated)
{
    /// <summary>The reader's text when there is one; the Chinese (never a blank) otherwise. Chinese itself counts as translated.</summary>
    public static TranslatedText Pick(string lang, string? chinese, string? foreign) =>
        lang == PortalLanguages.Chinese || string.IsNullOrWhiteSpace(chinese) ? new(chinese, true)
        : string.IsNullOrWhiteSpace(foreign) ? new(chinese, false)
        : new(foreign, true);
}

/// <summary>The portal's languages: Chinese first, then the foreign ones the office configures.</summary>
public static class PortalLanguages
{
    public const string Chinese = "zh";
    public static readonly string[] Default = ["zh", "en", "fr", "de", "ja", "ko"];

    /// <summary>What each language is called in itself, for the language menu.</summary>
    public static string Endonym(string lang) => lang switch
    {
        "zh" => "中文", "en" => "English", "fr" => "Français", "de" => "Deutsch", "ja" => "日本語", "ko" => "한국어",
        "ru" => "Русский", "es" => "Español", "ar" => "العربية", _ => lang,
    };

    /// <summary>The HTML lang attribute for a portal language.</summary>
    public static string HtmlLang(string lang) => lang == Chinese ? "zh-CN" : lang;

    /// <summary>The translatable fields of a place, for coverage: name, address, hours, services.</summary>
    public static double Coverage(IEnumerable<Place> places, string lang)
    {
        var total = 0;
        var done = 0;
        foreach (var place in places)
        {
            var t = place.Translations.FirstOrDefault(x => x.Lang == lang);
            foreach (var (zh, foreign) in new[] { (place.NameZh, t?.Name), (place.AddressZh, t?.Address), (place.HoursZh, t?.Hours), (place.ServicesZh, t?.Services) })
            {
                if (string.IsNullOrWhiteSpace(zh)) continue;
                total++;
                if (lang == Chinese || !string.IsNullOrWhiteSpace(foreign)) done++;
            }
        }
        return total == 0 ? 1 : (double)done / total;
    }
}
