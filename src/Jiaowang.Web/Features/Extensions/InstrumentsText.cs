namespace Jiaowang.Web.Features.Extensions;

/// <summary>Marker for the strings of extensions, returns, co-signing and assessment: InstrumentsText.resx (Chinese) and .en.resx.</summary>
public sealed class InstrumentsText;
