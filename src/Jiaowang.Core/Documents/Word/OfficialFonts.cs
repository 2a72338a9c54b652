namespace Jiaowang.Core.Documents.Word;

/// <summary>
/// One of the four typefaces GB/T 9704 asks for, with the face installed on a Linux server that stands in for it.
/// </summary>
/// <param name="Official">The name Word and WPS know on an office PC: 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312.</param>
/// <param name="Installed">A face from Debian's fonts-noto-cjk, the fallback LibreOffice uses where the official one is missing.</param>
/// <param name="Panose">PANOSE-1 classification (10 bytes, hex), so that a program without either face picks a similar one.</param>
/// <param name="Serif">Roman (serif) or swiss (sans) family, the coarse class a font matcher reads first.</param>
public sealed record OfficialFont(string Official, string Installed, string Panose, bool Serif);

/// <summary>
/// The typefaces of an official document and how they fall back. The run names the official face, so a document opened
/// on an office PC looks as the standard says; the font table declares the Noto face as its alternative name, and the
/// writer can instead name the Noto faces directly (<see cref="FontChoice.Installed"/>) where a converter must not guess.
/// </summary>
public static class OfficialFonts
{
    /// <summary>小标宋: the title face. Noto Serif CJK SC Bold is the closest heavy Song (宋) face installed.</summary>
    public static readonly OfficialFont XiaoBiaoSong = new("方正小标宋简体", "Noto Serif CJK SC", "02000000000000000000", Serif: true);

    /// <summary>仿宋: the body face. No FangSong ships with Noto; its Song (serif) face keeps the body a serif one.</summary>
    public static readonly OfficialFont FangSong = new("仿宋_GB2312", "Noto Serif CJK SC", "02010609030101010101", Serif: true);

    /// <summary>黑体: first-level headings.</summary>
    public static readonly OfficialFont Hei = new("黑体", "Noto Sans CJK SC", "02010609060101010101", Serif: false);

    /// <summary>楷体: second-level headings. Noto has no Kai face either; bold serif tells the level apart instead.</summary>
    public static readonly OfficialFont Kai = new("楷体_GB2312", "Noto Serif CJK SC", "02010609030101010101", Serif: true);

    /// <summary>宋体: page numbers (GB/T 9704 7.5: 4号半角宋体阿拉伯数字).</summary>
    public static readonly OfficialFont Song = new("宋体", "Noto Serif CJK SC", "02010600030101010101", Serif: true);

    public static IReadOnlyList<OfficialFont> All { get; } = [XiaoBiaoSong, FangSong, Hei, Kai, Song];
}

/// <summary>Which names the runs carry.</summary>
public enum FontChoice
{
    /// <summary>The official names, with the installed faces as the font table's alternative names (for people's PCs).</summary>
    Official,
    /// <summary>The installed Noto faces by name (for a server-side conversion that must not guess).</summary>
    Installed,
}
