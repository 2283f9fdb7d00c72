using DirectiveHub.Directives;
using DirectiveHub.Formatting;
using DirectiveHub.Import;
using DirectiveHub.Organizations;
using DirectiveHub.Tests.Import;

namespace DirectiveHub.Tests.Domain;

/// <summary>Each rule of the format check with a document that follows it and one that does not.</summary>
public sealed class FormatCheckTests
{
    private static readonly FormatInput Right = new()
    {
        IssuedOn = new DateOnly(2021, 10, 30),
        DocumentType = "CV",
        NumberAsWritten = "Số 114-CV/HU",
        DateLineAsWritten = "Quốc Oai, ngày 30 tháng 10 năm 2021",
        Subject = "tăng cường công tác phòng, chống dịch Covid-19",
        SubjectLineAsWritten = "V/v tăng cường công tác phòng, chống dịch Covid-19",
        SigningAuthority = SigningAuthority.OnBehalfOf,
        SignerBody = "BAN THƯỜNG VỤ",
        SignerPosition = "PHÓ BÍ THƯ THƯỜNG TRỰC",
        Distribution = ["Ban Thường vụ Huyện ủy,", "Như kính gửi,", "Lưu: VPHU."],
        Body = "1. Tăng cường công tác tuyên truyền.",
        EarliestDeadline = new DateOnly(2021, 11, 30),
        IssuerKind = OrganizationKind.DistrictCommittee,
    };

    public static TheoryData<string, FormatInput> Wrong => new()
    {
        { "number.shape", Right with { NumberAsWritten = "Số 1102/CĐ-TTg" } },
        { "number.leading-zero", Right with { NumberAsWritten = "Số 5-CV/HU" } },
        { "number.type-code", Right with { NumberAsWritten = "Số 05-TB/HU" } },
        { "number.quy-dinh-code", Right with { IssuedOn = new DateOnly(2026, 3, 2), DocumentType = "QĐi", NumberAsWritten = "Số 07-QĐi/TU", SubjectLineAsWritten = null } },
        { "date.shape", Right with { DateLineAsWritten = "Quốc Oai, 30/10/2021" } },
        { "date.day", Right with { DateLineAsWritten = "Quốc Oai, ngày 2 tháng 9 năm 2021" } },
        { "date.month", Right with { DateLineAsWritten = "Quốc Oai, ngày 02 tháng 09 năm 2021" } },
        { "date.month", Right with { DateLineAsWritten = "Quốc Oai, ngày 05 tháng 2 năm 2022" } },
        { "subject.letter", Right with { SubjectLineAsWritten = "Tăng cường công tác phòng, chống dịch" } },
        { "subject.other-types", Right with { DocumentType = "TB", NumberAsWritten = "Số 05-TB/HU", SubjectLineAsWritten = "V/v kết luận của Ban Thường vụ" } },
        { "subject.duplicate-vv", Right with { SubjectLineAsWritten = null, Subject = "V/v tăng cường công tác" } },
        { "signer.authorized", Right with { SigningAuthority = SigningAuthority.Authorized } },
        { "signer.state-form", Right with { SigningAuthorityAsWritten = "TM." } },
        { "signer.deputy-secretary", Right with { SigningAuthority = SigningAuthority.Deputy, SignerBody = null } },
        { "signer.collective", Right with { SigningAuthority = SigningAuthority.Deputy, SignerPosition = "ỦY VIÊN" } },
        { "distribution.missing", Right with { Distribution = [] } },
        { "distribution.file-copy", Right with { Distribution = ["Ban Thường vụ Huyện ủy,", "Như kính gửi."] } },
        { "marks.confidential", Right with { Body = "Đây là tài liệu mật, không phổ biến rộng." } },
        { "marks.urgent", Right with { EarliestDeadline = new DateOnly(2021, 11, 1) } },
        { "type.issuer", Right with { DocumentType = "CT", NumberAsWritten = "Số 03-CT/BTGHU", SubjectLineAsWritten = null, IssuerKind = OrganizationKind.CommitteeBoard } },
    };

    [Fact]
    public void A_document_that_follows_every_rule_gets_no_warning() => Assert.Empty(FormatCheck.Check(Right));

    [Theory]
    [MemberData(nameof(Wrong))]
    public void A_document_that_breaks_one_rule_gets_that_rule_only(string rule, FormatInput input)
    {
        var warning = Assert.Single(FormatCheck.Check(input));
        Assert.Equal(rule, warning.RuleId);
        Assert.Equal(FormatCheck.Rules.Single(r => r.Id == rule).Field, warning.Field);
        Assert.False(string.IsNullOrWhiteSpace(warning.Message));
    }

    [Fact]
    public void Every_rule_in_the_table_is_exercised_by_a_wrong_example()
    {
        var covered = Wrong.Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);
        Assert.All(FormatCheck.Rules, rule => Assert.Contains(rule.Id, covered));
    }

    [Fact]
    public void The_rules_are_those_of_the_guide_in_force_on_the_documents_date()
    {
        Assert.Equal(FormatCheck.Source2018, FormatCheck.Check(Right with { NumberAsWritten = "Số 5-CV/HU" }).Single().Source);
        Assert.Equal(FormatCheck.Source2026, FormatCheck.Check(Right with { IssuedOn = new DateOnly(2026, 1, 15), DateLineAsWritten = "Quốc Oai, ngày 15 tháng 01 năm 2026", NumberAsWritten = "Số 5-CV/HU" }).Single().Source);

        // "QĐi" was the code of a quy định until 2025; "QĐ" in a 2026 quy định is right.
        Assert.Empty(FormatCheck.Check(Right with { DocumentType = "QĐi", NumberAsWritten = "Số 07-QĐi/TU", SubjectLineAsWritten = null }));
        Assert.Empty(FormatCheck.Check(Right with { IssuedOn = new DateOnly(2026, 3, 2), DateLineAsWritten = "Hà Nội, ngày 02 tháng 3 năm 2026", DocumentType = "QĐi", NumberAsWritten = "Số 07-QĐ/TU", SubjectLineAsWritten = null }));
    }

    [Theory]
    [MemberData(nameof(SampleParsingTests.Samples), MemberType = typeof(SampleParsingTests))]
    public void The_samples_read_from_their_text_follow_the_number_date_subject_signer_and_distribution_rules(string name)
    {
        var text = ImportTexts.Read(name);
        var input = FormatInputs.FromImport(DirectiveTextParser.Parse(text), text, OrganizationKind.DistrictCommittee);
        Assert.NotNull(input.NumberAsWritten);
        Assert.NotNull(input.DateLineAsWritten);
        Assert.NotNull(input.SubjectLineAsWritten);
        // The Con Cuông copy ends before its "Nơi nhận" (the sample is cut off): that warning is right for it.
        var cutOff = !text.Contains("Nơi nhận", StringComparison.Ordinal);
        Assert.DoesNotContain(FormatCheck.Check(input), w => w.Field is "number" or "date" or "subject" or "signer" or "distribution" && !(cutOff && w.RuleId == "distribution.missing"));
    }

    [Theory]
    [InlineData("CV", "Về việc tăng cường công tác", "subject.duplicate-vv")]
    [InlineData("CV", "“V/v tăng cường công tác”", "subject.duplicate-vv")]
    [InlineData("CT", "V/v tăng cường lãnh đạo công tác phòng, chống thiên tai", "subject.other-types")]
    public void A_drafts_subject_that_would_print_twice_or_wrongly_is_warned(string type, string subject, string rule)
    {
        var input = Right with { DocumentType = type, NumberAsWritten = null, SubjectLineAsWritten = null, Subject = subject };

        Assert.Equal([rule], FormatCheck.Check(input).Select(w => w.RuleId));
    }

    [Fact]
    public void A_quoted_V_v_subject_of_a_received_công_văn_is_a_letter_subject()
    {
        Assert.Empty(FormatCheck.Check(Right with { SubjectLineAsWritten = "\"V/v tăng cường công tác phòng, chống dịch Covid-19\"" }));
    }

    [Fact]
    public void A_pasted_text_with_unpadded_date_and_number_is_warned_on_both()
    {
        var text = ImportTexts.Read("quoc-oai-114-CV-HU").Replace("ngày 30 tháng 10 năm 2021", "ngày 3 tháng 02 năm 2021", StringComparison.Ordinal).Replace("Số 114 -CV/HU", "Số 4-CV/HU", StringComparison.Ordinal);
        var warnings = FormatCheck.Check(FormatInputs.FromImport(DirectiveTextParser.Parse(text), text, OrganizationKind.DistrictCommittee));
        Assert.Contains(warnings, w => w.RuleId == "number.leading-zero");
        Assert.Contains(warnings, w => w.RuleId == "date.day");
        Assert.DoesNotContain(warnings, w => w.RuleId == "date.month");
    }
}
