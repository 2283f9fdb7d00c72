using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using DirectiveHub.Directives;

namespace DirectiveHub.Exchange;

/// <summary>
/// Writes and reads packages and status messages in the shape of edXML (QCVN 102:2016/BTTTT): an envelope with a
/// message header (or a status) and a manifest of the files, which travel base64 inside the envelope with their
/// SHA-256. DirectiveHub's own fields (the task list, the signer's form) sit in a namespace of their own that other
/// systems ignore. Reading is strict and bounded: no DTD, no external entities, every field checked, and a broken rule
/// is a <see cref="DomainException"/> in Vietnamese naming the field.
/// </summary>
public static class EdXml
{
    public static readonly XNamespace Ed = "http://www.e-doc.vn/Schema/";
    public static readonly XNamespace Dh = "urn:directivehub:exchange:1";

    public const string ContentType = "application/xml";

    private const int MaxNameLength = 256;
    private const int MaxSubjectLength = 2000;
    private const int MaxContentLength = 200_000;
    private const int MaxTaskTextLength = 4000;
    private const string DateFormat = "yyyy-MM-dd";

    public static byte[] Write(ExchangePackage package)
    {
        var header = new XElement(Ed + "MessageHeader",
            Unit("From", package.From),
            package.To.Select(t => Unit("To", t)),
            new XElement(Ed + "DocumentId", package.DocumentId.ToString()),
            new XElement(Ed + "Code",
                new XElement(Ed + "CodeNumber", package.CodeNumber.ToString(CultureInfo.InvariantCulture)),
                new XElement(Ed + "CodeNotation", package.CodeNotation)),
            new XElement(Ed + "PromulgationInfo",
                new XElement(Ed + "Place", package.Place ?? string.Empty),
                new XElement(Ed + "PromulgationDate", package.PromulgationDate.ToString(DateFormat, CultureInfo.InvariantCulture))),
            new XElement(Ed + "DocumentType",
                new XElement(Ed + "Type", package.DocumentType),
                new XElement(Ed + "TypeName", Directives.DocumentType.Find(package.DocumentType)?.Name ?? package.DocumentType)),
            new XElement(Ed + "Subject", package.Subject),
            new XElement(Ed + "Content", package.Content ?? string.Empty),
            new XElement(Ed + "SignerInfo",
                new XElement(Ed + "Competence", package.Signer.AuthorityLine ?? string.Empty),
                new XElement(Ed + "Position", package.Signer.Position ?? string.Empty),
                new XElement(Ed + "FullName", package.Signer.Name ?? string.Empty),
                new XElement(Dh + "Authority", package.Signer.Authority.ToString()),
                new XElement(Dh + "Body", package.Signer.Body ?? string.Empty)),
            new XElement(Ed + "DueDate", package.DueDate?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty),
            new XElement(Ed + "OtherInfo",
                new XElement(Ed + "Priority", ((int)package.Priority).ToString(CultureInfo.InvariantCulture)),
                new XElement(Ed + "PromulgationAmount", "1"),
                new XElement(Ed + "PageAmount", "0")),
            new XElement(Ed + "SteeringType", package.Tasks.Count > 0 ? "1" : "0"),
            new XElement(Dh + "Tasks", package.Tasks.Select(t => new XElement(Dh + "Task",
                new XAttribute("Number", t.Number),
                t.Deadline is { } deadline ? new XAttribute("Deadline", deadline.ToString(DateFormat, CultureInfo.InvariantCulture)) : null,
                t.LeadUnitCode is { } lead ? new XAttribute("Lead", lead) : null,
                t.CoordinatingUnitCodes.Select(c => new XElement(Dh + "Coordinator", c)),
                new XElement(Dh + "Text", t.Text)))));
        var trace = new XElement(Ed + "TraceHeaderList",
            new XElement(Ed + "TraceHeader",
                new XElement(Ed + "OrganId", package.From.Code),
                new XElement(Ed + "Timestamp", package.SentAtUtc.ToString("O", CultureInfo.InvariantCulture))));
        var files = package.Files.Select((f, i) => (File: f, Id: $"file{i + 1}")).ToList();
        var manifest = new XElement(Ed + "edXMLManifest", files.Select(f => new XElement(Ed + "Reference",
            new XElement(Ed + "ContentId", f.Id),
            new XElement(Ed + "ContentType", f.File.ContentType),
            new XElement(Ed + "Description", f.File.IsRecordCopy ? "RecordCopy" : "Attachment"),
            new XElement(Ed + "AttachmentName", f.File.Name),
            new XElement(Dh + "Sha256", f.File.Sha256))));
        var attachments = new XElement(Ed + "AttachmentEncoded", files.Select(f => new XElement(Ed + "Attachment",
            new XAttribute("ContentId", f.Id),
            Convert.ToBase64String(f.File.Content))));
        return Serialize(new XElement(Ed + "edXMLEnvelope",
            new XAttribute(XNamespace.Xmlns + "edXML", Ed),
            new XAttribute(XNamespace.Xmlns + "dh", Dh),
            new XElement(Ed + "edXMLHeader", header, trace),
            new XElement(Ed + "edXMLBody", manifest),
            attachments));
    }

    public static byte[] Write(StatusMessage status) =>
        Serialize(new XElement(Ed + "edXMLEnvelope",
            new XAttribute(XNamespace.Xmlns + "edXML", Ed),
            new XElement(Ed + "edXMLHeader",
                new XElement(Ed + "Status",
                    new XElement(Ed + "ResponseFor",
                        new XElement(Ed + "OrganId", status.IssuerCode),
                        new XElement(Ed + "Code", status.Number),
                        new XElement(Ed + "PromulgationDate", status.PromulgationDate.ToString(DateFormat, CultureInfo.InvariantCulture)),
                        new XElement(Ed + "DocumentId", status.DocumentId.ToString())),
                    Unit("From", status.From),
                    new XElement(Ed + "StaffInfo", new XElement(Ed + "Staff", status.Staff ?? string.Empty)),
                    new XElement(Ed + "StatusCode", status.StatusCode),
                    new XElement(Ed + "Description", status.Description ?? string.Empty),
                    new XElement(Ed + "Timestamp", status.TimestampUtc.ToString("O", CultureInfo.InvariantCulture))))));

    /// <summary>Whether the XML is a status message rather than a package (for the folder drop, which takes both).</summary>
    public static bool IsStatus(XDocument document) =>
        document.Root?.Element(Ed + "edXMLHeader")?.Element(Ed + "Status") is not null;

    /// <exception cref="DomainException">The body is not well-formed XML within the bounds.</exception>
    public static XDocument Load(Stream body, long maxBytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxBytes,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(body, settings);
            return XDocument.Load(reader);
        }
        catch (XmlException exception)
        {
            throw new DomainException($"Gói tin không phải XML hợp lệ (dòng {exception.LineNumber}).", "body");
        }
    }

    public static ExchangePackage ReadPackage(XDocument document, ExchangeOptions options)
    {
        var header = document.Root?.Element(Ed + "edXMLHeader")?.Element(Ed + "MessageHeader")
            ?? throw new DomainException("Gói tin thiếu phần MessageHeader của edXML.", "MessageHeader");
        var from = ReadUnit(header.Element(Ed + "From"), "From");
        var to = header.Elements(Ed + "To").Select((t, i) => ReadUnit(t, $"To[{i}]")).ToList();
        if (to.Count == 0)
        {
            throw new DomainException("Gói tin phải có ít nhất một đơn vị nhận (To).", "To");
        }

        if (to.Count > options.MaxRecipients)
        {
            throw new DomainException($"Gói tin có quá {options.MaxRecipients} đơn vị nhận.", "To");
        }

        var documentId = Guid.TryParse(Text(header, "DocumentId"), out var id) && id != Guid.Empty
            ? id
            : throw new DomainException("Mã văn bản (DocumentId) thiếu hoặc không hợp lệ.", "DocumentId");
        var code = header.Element(Ed + "Code");
        var number = int.TryParse(Text(code, "CodeNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 999_999
            ? n
            : throw new DomainException("Số văn bản (CodeNumber) phải là số nguyên dương.", "Code.CodeNumber");
        var notation = Required(code, "CodeNotation", "Ký hiệu văn bản (CodeNotation)", 64, "Code.CodeNotation");
        if (!notation.Contains('/', StringComparison.Ordinal))
        {
            throw new DomainException("Ký hiệu văn bản (CodeNotation) phải có dạng loại/đơn vị, ví dụ \"CV/HU\".", "Code.CodeNotation");
        }

        var promulgation = header.Element(Ed + "PromulgationInfo");
        var place = Optional(promulgation, "Place", "Địa danh (Place)", 128, "PromulgationInfo.Place");
        var date = ReadDate(Text(promulgation, "PromulgationDate"), "PromulgationInfo.PromulgationDate", "Ngày ban hành (PromulgationDate)")
            ?? throw new DomainException("Ngày ban hành (PromulgationDate) không được để trống.", "PromulgationInfo.PromulgationDate");
        var type = Required(header.Element(Ed + "DocumentType"), "Type", "Loại văn bản (DocumentType)", 16, "DocumentType.Type");
        if (!Directives.DocumentType.IsKnown(type))
        {
            throw new DomainException($"Loại văn bản \"{type}\" không phải loại văn bản của Đảng.", "DocumentType.Type");
        }

        var subject = Required(header, "Subject", "Trích yếu (Subject)", MaxSubjectLength, "Subject");
        var content = Optional(header, "Content", "Nội dung (Content)", MaxContentLength, "Content");
        var signer = ReadSigner(header.Element(Ed + "SignerInfo"));
        var due = ReadDate(Text(header, "DueDate"), "DueDate", "Hạn xử lý (DueDate)");
        var priorityText = Text(header.Element(Ed + "OtherInfo"), "Priority");
        var priority = string.IsNullOrEmpty(priorityText)
            ? Urgency.None
            : int.TryParse(priorityText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 4
                ? (Urgency)Math.Min(p, (int)Urgency.HoaToc)
                : throw new DomainException("Độ khẩn (Priority) phải là 0 đến 4.", "OtherInfo.Priority");
        var tasks = ReadTasks(header.Element(Dh + "Tasks"), options);
        var files = ReadFiles(document, options);
        var sentText = header.Parent?.Element(Ed + "TraceHeaderList")?.Elements(Ed + "TraceHeader").LastOrDefault()?.Element(Ed + "Timestamp")?.Value;
        var sent = DateTime.TryParse(sentText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var s) ? s : DateTime.MinValue;
        return new ExchangePackage(documentId, from, to, number, notation, place, date, type, subject, content, signer, due, priority, tasks, files, sent);
    }

    public static StatusMessage ReadStatus(XDocument document)
    {
        var status = document.Root?.Element(Ed + "edXMLHeader")?.Element(Ed + "Status")
            ?? throw new DomainException("Thông điệp thiếu phần Status của edXML.", "Status");
        var responseFor = status.Element(Ed + "ResponseFor")
            ?? throw new DomainException("Thông điệp thiếu ResponseFor (văn bản được trả lời).", "ResponseFor");
        var issuer = Required(responseFor, "OrganId", "Mã đơn vị ban hành (ResponseFor.OrganId)", ExchangeCodes.MaxLength, "ResponseFor.OrganId");
        var number = Required(responseFor, "Code", "Số, ký hiệu (ResponseFor.Code)", 80, "ResponseFor.Code");
        var date = ReadDate(Text(responseFor, "PromulgationDate"), "ResponseFor.PromulgationDate", "Ngày ban hành (ResponseFor.PromulgationDate)")
            ?? throw new DomainException("Ngày ban hành (ResponseFor.PromulgationDate) không được để trống.", "ResponseFor.PromulgationDate");
        var documentId = Guid.TryParse(Text(responseFor, "DocumentId"), out var id) && id != Guid.Empty
            ? id
            : throw new DomainException("Mã văn bản (ResponseFor.DocumentId) thiếu hoặc không hợp lệ.", "ResponseFor.DocumentId");
        var from = ReadUnit(status.Element(Ed + "From"), "From");
        var code = Text(status, "StatusCode");
        if (!ExchangeStatusText.IsKnown(code))
        {
            throw new DomainException("Mã trạng thái (StatusCode) phải là 01 đến 06 hoặc 13.", "StatusCode");
        }

        var description = Optional(status, "Description", "Mô tả (Description)", 2000, "Description");
        var staff = Optional(status.Element(Ed + "StaffInfo"), "Staff", "Người xử lý (StaffInfo.Staff)", MaxNameLength, "StaffInfo.Staff");
        var timestamp = DateTime.TryParse(Text(status, "Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : throw new DomainException("Thời điểm (Timestamp) thiếu hoặc không hợp lệ.", "Timestamp");
        return new StatusMessage(issuer, number, date, documentId, from, code!, description, staff, timestamp);
    }

    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] Serialize(XElement root)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }

        return buffer.ToArray();
    }

    private static XElement Unit(string name, ExchangeUnit unit) =>
        new(Ed + name, new XElement(Ed + "OrganId", unit.Code), new XElement(Ed + "OrganName", unit.Name));

    private static ExchangeUnit ReadUnit(XElement? element, string field)
    {
        if (element is null)
        {
            throw new DomainException($"Gói tin thiếu đơn vị {field}.", field);
        }

        var code = Text(element, "OrganId");
        if (!ExchangeCodes.IsValid(code))
        {
            throw new DomainException($"{field}.OrganId: {ExchangeCodes.InvalidMessage}", field + ".OrganId");
        }

        var name = Required(element, "OrganName", $"Tên đơn vị ({field}.OrganName)", MaxNameLength, field + ".OrganName");
        return new ExchangeUnit(code!, name);
    }

    private static Signer ReadSigner(XElement? element)
    {
        var position = Optional(element, "Position", "Chức vụ người ký (SignerInfo.Position)", MaxNameLength, "SignerInfo.Position");
        var name = Optional(element, "FullName", "Họ tên người ký (SignerInfo.FullName)", MaxNameLength, "SignerInfo.FullName");
        var body = Optional(element, Dh + "Body", "Tập thể (SignerInfo.Body)", MaxNameLength, "SignerInfo.Body");
        var authorityText = element?.Element(Dh + "Authority")?.Value;
        var authority = Enum.TryParse<SigningAuthority>(authorityText, out var a) && Enum.IsDefined(a) ? a : SigningAuthority.None;
        return new Signer(authority, body, position, name);
    }

    private static List<ExchangeTask> ReadTasks(XElement? element, ExchangeOptions options)
    {
        var tasks = new List<ExchangeTask>();
        foreach (var (task, i) in (element?.Elements(Dh + "Task") ?? []).Select((t, i) => (t, i)))
        {
            var field = $"Tasks[{i}]";
            if (tasks.Count == options.MaxTasks)
            {
                throw new DomainException($"Gói tin có quá {options.MaxTasks} nhiệm vụ.", "Tasks");
            }

            var text = Optional(task, Dh + "Text", "Nội dung nhiệm vụ", MaxTaskTextLength, field + ".Text");
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new DomainException($"Nhiệm vụ thứ {i + 1} không có nội dung.", field + ".Text");
            }

            var lead = (string?)task.Attribute("Lead");
            var coordinators = task.Elements(Dh + "Coordinator").Select(c => c.Value.Trim()).ToList();
            if ((lead is not null && !ExchangeCodes.IsValid(lead)) || coordinators.Count > options.MaxRecipients || coordinators.Any(c => !ExchangeCodes.IsValid(c)))
            {
                throw new DomainException($"Nhiệm vụ thứ {i + 1}: {ExchangeCodes.InvalidMessage}", field + ".Lead");
            }

            var number = ((string?)task.Attribute("Number"))?.Trim() ?? (i + 1).ToString(CultureInfo.InvariantCulture);
            tasks.Add(new ExchangeTask(number.Length > 16 ? number[..16] : number, text, ReadDate((string?)task.Attribute("Deadline"), field + ".Deadline", "Hạn nhiệm vụ"), lead, coordinators));
        }

        return tasks;
    }

    private static List<ExchangeFile> ReadFiles(XDocument document, ExchangeOptions options)
    {
        var references = document.Root?.Element(Ed + "edXMLBody")?.Element(Ed + "edXMLManifest")?.Elements(Ed + "Reference").ToList() ?? [];
        if (references.Count > options.MaxFiles)
        {
            throw new DomainException($"Gói tin có quá {options.MaxFiles} tệp đính kèm.", "edXMLManifest");
        }

        var encoded = (document.Root?.Element(Ed + "AttachmentEncoded")?.Elements(Ed + "Attachment") ?? [])
            .GroupBy(a => (string?)a.Attribute("ContentId") ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var files = new List<ExchangeFile>();
        foreach (var (reference, i) in references.Select((r, i) => (r, i)))
        {
            var field = $"edXMLManifest.Reference[{i}]";
            var contentId = Text(reference, "ContentId") ?? string.Empty;
            var name = Required(reference, "AttachmentName", "Tên tệp (AttachmentName)", 255, field + ".AttachmentName");
            if (name.IndexOfAny(['/', '\\', '\0']) >= 0)
            {
                throw new DomainException($"Tên tệp \"{name}\" không hợp lệ.", field + ".AttachmentName");
            }

            var contentType = Required(reference, "ContentType", "Kiểu tệp (ContentType)", 128, field + ".ContentType");
            var sha = Required(reference, Dh + "Sha256", "Mã băm SHA-256", 64, field + ".Sha256").ToLowerInvariant();
            if (!encoded.TryGetValue(contentId, out var attachment))
            {
                throw new DomainException($"Tệp \"{name}\" có trong danh mục nhưng không có nội dung.", field + ".ContentId");
            }

            byte[] content;
            try
            {
                content = Convert.FromBase64String(attachment.Value);
            }
            catch (FormatException)
            {
                throw new DomainException($"Nội dung tệp \"{name}\" không phải base64 hợp lệ.", field + ".Content");
            }

            if (!string.Equals(Sha256Of(content), sha, StringComparison.Ordinal))
            {
                throw new DomainException($"Tệp \"{name}\" không khớp mã băm trong danh mục: gói tin đã bị thay đổi hoặc hỏng khi truyền.", field + ".Sha256");
            }

            var isRecordCopy = string.Equals(Text(reference, "Description"), "RecordCopy", StringComparison.Ordinal);
            files.Add(new ExchangeFile(name, contentType, content, sha, isRecordCopy));
        }

        if (files.Count(f => f.IsRecordCopy) > 1)
        {
            throw new DomainException("Gói tin chỉ có một bản gốc điện tử (RecordCopy).", "edXMLManifest");
        }

        return files;
    }

    private static DateOnly? ReadDate(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), [DateFormat, "yyyy/MM/dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year is < 1945 or > 2200)
        {
            throw new DomainException($"{label} phải là ngày hợp lệ dạng năm-tháng-ngày.", field);
        }

        return date;
    }

    private static string? Text(XElement? parent, string name) => parent?.Element(Ed + name)?.Value.Trim();

    private static string Required(XElement? parent, XName name, string label, int maxLength, string field) =>
        Optional(parent, name, label, maxLength, field) ?? throw new DomainException($"{label} không được để trống.", field);

    private static string Required(XElement? parent, string name, string label, int maxLength, string field) =>
        Required(parent, Ed + name, label, maxLength, field);

    private static string? Optional(XElement? parent, string name, string label, int maxLength, string field) =>
        Optional(parent, Ed + name, label, maxLength, field);

    private static string? Optional(XElement? parent, XName name, string label, int maxLength, string field)
    {
        var value = parent?.Element(name)?.Value.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            throw new DomainException($"{label} không quá {maxLength} ký tự.", field);
        }

        return value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            ? throw new DomainException($"{label} có ký tự điều khiển không hợp lệ.", field)
            : value;
    }
}
