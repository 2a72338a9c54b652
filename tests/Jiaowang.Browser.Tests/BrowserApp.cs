using Jiaowang.Web.Tests;

namespace Jiaowang.Browser.Tests;

/// <summary>The app with the bundled plan on a new SQLite file, in Chromium.</summary>
public sealed class BrowserApp : LoopbackApp
{
    protected override Task<JiaowangFactory> CreateFactoryAsync() => Task.FromResult(new JiaowangFactory(TestDatabase.Sqlite()));
}
