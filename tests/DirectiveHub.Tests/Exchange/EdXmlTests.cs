using System.Text;
using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Exchange;

namespace DirectiveHub.Tests.Exchange;

/// <summary>The package and status formats and the per-unit status rule, without a database.</summary>
public sealed class EdXmlTests
{
    private static readonly ExchangeOptions Options = new();

    [Fact]
    public void A_package_reads_back_as_written()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%test\n");
        var package = Package(pdf);

        var read = EdXml.ReadPackage(EdXml.Load(new MemoryStream(EdXml.Write(package)), Options.MaxPackageBytes), Options);

        Assert.Equal(package.DocumentId, read.DocumentId);
        Assert.Equal("05-CV/HU", read.Number);
        Assert.Equal(package.From, read.From);
        Assert.Equal(package.To, read.To);
        Assert.Equal((package.Place, package.PromulgationDate, package.Subject, package.Priority, package.DueDate), (read.Place, read.PromulgationDate, read.Subject, read.Priority, read.DueDate));
        Assert.Equal(package.Signer, read.Signer);
        Assert.Equal("1.1", Assert.Single(read.Tasks, t => t.Number.Contains('.', StringComparison.Ordinal)).Number);
        Assert.Equal(["HN-QO-PC"], read.Tasks[0].CoordinatingUnitCodes);
        var file = Assert.Single(read.Files);
        Assert.True(file.IsRecordCopy);
        Assert.Equal(pdf, file.Content);
    }

    [Theory]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "body")]
    [InlineData("<edXML:edXMLEnvelope xmlns:edXML=\"http://www.e-doc.vn/Schema/\"/>", "MessageHeader")]
    public void A_hostile_or_empty_document_is_refused_naming_the_field(string xml, string field)
    {
        var exception = Assert.ThrowsAny<DomainException>(() => EdXml.ReadPackage(EdXml.Load(new MemoryStream(Encoding.UTF8.GetBytes(xml)), 10_000), Options));
        Assert.Equal(field, exception.Field);
    }

    [Fact]
    public void Bad_header_fields_are_refused_in_Vietnamese_naming_the_field()
    {
        var xml = Encoding.UTF8.GetString(EdXml.Write(Package(Encoding.ASCII.GetBytes("%PDF-1.7\n"))));
        foreach (var (from, to, field) in new[]
        {
            ("<edXML:CodeNumber>5</edXML:CodeNumber>", "<edXML:CodeNumber>-5</edXML:CodeNumber>", "Code.CodeNumber"),
            ("<edXML:PromulgationDate>2026-11-20</edXML:PromulgationDate>", "<edXML:PromulgationDate>20-11-2026x</edXML:PromulgationDate>", "PromulgationInfo.PromulgationDate"),
            ("<edXML:Type>CV</edXML:Type>", "<edXML:Type>XX</edXML:Type>", "DocumentType.Type"),
            ("<edXML:OrganId>000.00.01.QO</edXML:OrganId>", "<edXML:OrganId>../etc</edXML:OrganId>", "From.OrganId"),
            ("<edXML:Priority>1</edXML:Priority>", "<edXML:Priority>9</edXML:Priority>", "OtherInfo.Priority"),
        })
        {
            Assert.Contains(from, xml, StringComparison.Ordinal);
            var broken = Encoding.UTF8.GetBytes(xml.Replace(from, to, StringComparison.Ordinal));
            var exception = Assert.ThrowsAny<DomainException>(() => EdXml.ReadPackage(EdXml.Load(new MemoryStream(broken), Options.MaxPackageBytes), Options));
            Assert.Equal(field, exception.Field);
        }
    }

    [Fact]
    public void A_status_reads_back_as_written_and_an_unknown_code_is_refused()
    {
        var status = new StatusMessage("000.00.01.QO", "05-CV/HU", new DateOnly(2026, 11, 20), Guid.CreateVersion7(), new ExchangeUnit("HN-QO-SS", "ĐẢNG ỦY XÃ SÀI SƠN"), "05", "Đang xử lý", null, new DateTime(2026, 11, 21, 3, 0, 0, DateTimeKind.Utc));
        var bytes = EdXml.Write(status);
        var read = EdXml.ReadStatus(EdXml.Load(new MemoryStream(bytes), Options.MaxStatusBytes));
        Assert.Equal(status, read);

        var unknown = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("<edXML:StatusCode>05<", "<edXML:StatusCode>99<", StringComparison.Ordinal));
        Assert.Equal("StatusCode", Assert.ThrowsAny<DomainException>(() => EdXml.ReadStatus(EdXml.Load(new MemoryStream(unknown), Options.MaxStatusBytes))).Field);
    }

    [Theory]
    [InlineData(false, new string[0], "01")]
    [InlineData(true, new string[0], "03")]
    [InlineData(true, new[] { "03", "03" }, "03")]
    [InlineData(true, new[] { "05", "03" }, "05")]
    [InlineData(true, new[] { "06", "03" }, "05")]
    [InlineData(true, new[] { "06", "06", "13" }, "06")]
    [InlineData(true, new[] { "02", "02" }, "02")]
    [InlineData(true, new[] { "02", "06" }, "05")]
    [InlineData(true, new[] { "13" }, "13")]
    public void A_units_status_follows_its_tasks(bool acknowledged, string[] tasks, string expected) =>
        Assert.Equal(expected, ExchangeStatus.OfUnit(tasks, acknowledged));

    private static ExchangePackage Package(byte[] pdf) => new(
        Guid.CreateVersion7(),
        new ExchangeUnit("000.00.01.QO", "HUYỆN ỦY QUỐC OAI"),
        [new ExchangeUnit("HN-QO-SS", "ĐẢNG ỦY XÃ SÀI SƠN"), new ExchangeUnit("HN-QO-PC", "ĐẢNG ỦY XÃ PHƯỢNG CÁCH")],
        5,
        "CV/HU",
        "Quốc Oai",
        new DateOnly(2026, 11, 20),
        "CV",
        "V/v kiểm tra",
        "Thực hiện chỉ đạo của Ban Thường vụ…",
        new Signer(SigningAuthority.OnBehalfOf, "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Đàm Công Lợi"),
        new DateOnly(2026, 12, 5),
        Urgency.Khan,
        [new ExchangeTask("1", "Báo cáo kết quả", new DateOnly(2026, 12, 5), "HN-QO-SS", ["HN-QO-PC"]), new ExchangeTask("1.1", "Tổng hợp số liệu", null, null, [])],
        [new ExchangeFile("05-CV_HU.pdf", "application/pdf", pdf, EdXml.Sha256Of(pdf), true)],
        new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc));
}
