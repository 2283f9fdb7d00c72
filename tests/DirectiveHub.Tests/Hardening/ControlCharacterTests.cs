using DirectiveHub.Web.Infrastructure;

namespace DirectiveHub.Tests.Hardening;

public sealed class ControlCharacterTests
{
    [Theory]
    [InlineData("a\u0000b\u0007c", "abc")]
    [InlineData("Trang 1: phòng, chống dịch\fTrang 2: báo cáo", "Trang 1: phòng, chống dịch\nTrang 2: báo cáo")]
    [InlineData("dòng một\vdòng hai\u0085dòng ba", "dòng một\ndòng hai\ndòng ba")]
    [InlineData("tab\tvà\r\nxuống dòng", "tab\tvà\r\nxuống dòng")]
    public void Stripping_keeps_line_structure_and_drops_what_cannot_be_stored(string input, string expected) =>
        Assert.Equal(expected, ControlCharacters.Strip(input));

    // A lone surrogate cannot be an attribute argument (metadata stores it as U+FFFD), so it is built here.
    [Fact]
    public void A_lone_surrogate_is_dropped_and_a_pair_kept() =>
        Assert.Equal("lẻ  cặp 😀", ControlCharacters.Strip("lẻ " + '\uD800' + " cặp 😀"));
}
