using System.Globalization;
using System.Resources;

namespace Jiaowang.Core.Network;

/// <summary>Import problems in the reader's language: NetworkMessages.resx (简体中文, neutral) and NetworkMessages.en.resx.</summary>
public static class NetworkMessages
{
    static readonly ResourceManager Resources = new("Jiaowang.Core.Network.NetworkMessages", typeof(NetworkMessages).Assembly);

    public static string Format(string key, params object[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"Missing network message '{key}'.");
        return string.Format(culture, template, args);
    }
}
