using System.Globalization;

namespace Jiaowang.Core.Tests;

internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The fixture's text; a leading "# source" line is blanked so line numbers stay those of the file.</summary>
    public static string Text(string name)
    {
        var text = File.ReadAllText(Path(name));
        return text.StartsWith("# ", StringComparison.Ordinal) ? text[text.IndexOf('\n')..] : text;
    }
}

/// <summary>Runs a piece of a test in a UI culture and puts the previous one back.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public UiCulture(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
