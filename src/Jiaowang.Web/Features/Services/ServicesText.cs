namespace Jiaowang.Web.Features.Services;

/// <summary>
/// Marker for the portal's UI strings, one resx per portal language: ServicesText.resx (Chinese, neutral), .en, .fr,
/// .de, .ja, .ko. The office pages use the Chinese and English ones like the rest of the app.
/// </summary>
public sealed class ServicesText;
