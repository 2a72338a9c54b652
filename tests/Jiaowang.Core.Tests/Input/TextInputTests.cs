using Jiaowang.Core.Input;
using Jiaowang.Core.Network;

namespace Jiaowang.Core.Tests.Input;

public sealed class TextInputTests
{
    [Theory]
    [InlineData("武汉 Wuhan ✈️\t第一行\r\n第二行", TextProblem.None)]
    [InlineData("机场\u0001", TextProblem.Control)]
    [InlineData("a\u0085b", TextProblem.Control)]
    [InlineData("a\u007Fb", TextProblem.Control)]
    [InlineData("x\uFFFE", TextProblem.Noncharacter)]
    [InlineData("x\uFDD0", TextProblem.Noncharacter)]
    [InlineData("exe.\u202Egnp", TextProblem.Bidi)]
    [InlineData("a\u2066b\u2069", TextProblem.Bidi)]
    public void Text_a_person_did_not_mean_to_type_is_named(string text, TextProblem expected) =>
        Assert.Equal(expected, TextInput.Check(text));

    [Fact]
    public void Half_of_a_surrogate_pair_is_named()
    {
        // Built here: an attribute argument cannot carry a lone surrogate (it becomes U+FFFD on the way).
        Assert.Equal(TextProblem.Surrogate, TextInput.Check("half " + (char)0xD800 + " pair"));
        Assert.Equal(TextProblem.Surrogate, TextInput.Check(((char)0xDC00).ToString()));
        Assert.Equal(TextProblem.None, TextInput.Check("✈️ 𠀀"));
    }

    [Fact]
    public void Over_long_text_is_refused() =>
        Assert.Equal(TextProblem.TooLong, TextInput.Check(new string('长', TextInput.MaxLength + 1)));

    [Fact]
    public void Characters_xml_cannot_hold_are_dropped_on_the_way_out_and_the_rest_kept() =>
        Assert.Equal("控制字符✈️\t\n", TextInput.StripInvalid("控制\u0001字符\u000B\uFFFF" + (char)0xD800 + "✈️\t\n"));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1 234", "'+1 234")]
    [InlineData("-开通航线", "'-开通航线")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("-74.006", "-74.006")]
    [InlineData("武汉", "武汉")]
    public void A_csv_cell_that_a_spreadsheet_would_run_comes_out_as_text(string value, string expected) =>
        Assert.Equal(expected, CsvText.Neutralize(value));
}
