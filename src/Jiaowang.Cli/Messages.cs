using System.Resources;

namespace Jiaowang.Cli;

/// <summary>The CLI's messages, in Chinese (Messages.resx) or English (Messages.en.resx) by the current UI culture.</summary>
static class Messages
{
    static readonly ResourceManager Resources = new("Jiaowang.Cli.Messages", typeof(Messages).Assembly);

    public static string Get(string key, params object?[] args)
    {
        var format = Resources.GetString(key) ?? key;
        return args.Length == 0 ? format : string.Format(format, args);
    }
}
