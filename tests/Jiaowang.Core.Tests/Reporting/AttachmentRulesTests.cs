using System.Text;
using Jiaowang.Core.Reporting;

namespace Jiaowang.Core.Tests.Reporting;

public sealed class AttachmentRulesTests
{
    [Theory]
    [InlineData("总结.pdf", "%PDF-1.7 ...", "application/pdf")]
    [InlineData("数据.xlsx", "PK\u0003\u0004....", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("报告.DOCX", "PK\u0003\u0004....", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void Pdf_word_and_excel_are_recognised_by_content_and_extension(string name, string head, string type)
    {
        Assert.Equal((type, null), AttachmentRules.Check(name, Encoding.Latin1.GetBytes(head)));
    }

    [Fact]
    public void Images_are_recognised_by_their_first_bytes()
    {
        Assert.Equal("image/png", AttachmentRules.Check("现场.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).ContentType);
        Assert.Equal("image/jpeg", AttachmentRules.Check("现场.jpg", [0xFF, 0xD8, 0xFF, 0xE0]).ContentType);
    }

    [Fact]
    public void A_script_renamed_to_pdf_a_file_that_is_too_large_and_an_empty_file_are_refused()
    {
        Assert.Equal(AttachmentError.TypeNotAllowed, AttachmentRules.Check("总结.pdf", "<script>alert(1)</script>"u8).Error);
        Assert.Equal(AttachmentError.TypeNotAllowed, AttachmentRules.Check("run.exe", "%PDF-"u8).Error);
        Assert.Equal(AttachmentError.TooLarge, AttachmentRules.Check("big.pdf", new byte[AttachmentRules.MaxBytes + 1]).Error);
        Assert.Equal(AttachmentError.Empty, AttachmentRules.Check("empty.pdf", []).Error);
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_content()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AttachmentRules.Hash("abc"u8));
    }
}
