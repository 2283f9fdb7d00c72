using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static DirectiveHub.Import.TextPatterns;

namespace DirectiveHub.Import;

/// <summary>
/// Reads a directive copied from Word or PDF (bold and italic markers, broken lines, header blocks in any order,
/// spacing variants) into a <see cref="ParsedDirective"/>. Pure and offline; it never throws: what it cannot find
/// stays null and is named in the warnings.
/// </summary>
public static partial class DirectiveTextParser
{
    public const string EmptyText = "Văn bản trống: không có nội dung để đọc.";
    public const string NotADirective = "Không nhận ra văn bản chỉ đạo: không thấy số và ký hiệu, ngày ban hành hay cơ quan ban hành.";
    public const string InternalError = "Không đọc được văn bản này; hãy nhập tay các trường còn thiếu.";

    public static ParsedDirective Parse(string? text)
    {
        try
        {
            return new Reader(Clean(text ?? string.Empty)).Read();
        }
        catch (Exception)
        {
            // Defence in depth: the reader is written not to throw (a fuzz test holds it to that), but an importer
            // must always hand back something the clerk can correct.
            return new ParsedDirective { Warnings = [InternalError] };
        }
    }

    /// <summary>The parser without its safety net, for the fuzz tests that prove it never needs one.</summary>
    internal static ParsedDirective ParseUnguarded(string text) => new Reader(Clean(text)).Read();

    /// <summary>
    /// NFC, one kind of space and line break, no Markdown emphasis; a lone "*" line (the mark under the issuer) stays.
    /// A header table flattened with "|" becomes one line per cell; the Icelandic "Ð" (U+00D0) that fonts and
    /// web pages give for "Đ" is mapped back, and words glued by copying are split again.
    /// </summary>
    internal static List<string> Clean(string text)
    {
        var normalized = text
            .Replace('\u00D0', 'Đ')
            .Replace('\u00F0', 'đ')
            .Normalize(NormalizationForm.FormC)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace('\t', ' ')
            .Replace('\u00A0', ' ')
            .Replace('\u202F', ' ')
            .Replace('\u2007', ' ')
            .Replace("\u200B", string.Empty, StringComparison.Ordinal)
            .Replace("\uFEFF", string.Empty, StringComparison.Ordinal);
        var lines = new List<string>();
        foreach (var raw in Columns(normalized.Split('\n')))
        {
            var cells = TableCells(raw);
            if (cells.Count == 0)
            {
                lines.Add(string.Empty);
            }

            foreach (var cell in cells)
            {
                lines.Add(CleanLine(cell));
            }
        }

        return lines;
    }

    /// <summary>
    /// Two columns laid side by side with runs of spaces (a Word table copied as text: the header, or "Nơi nhận" beside
    /// the signature) are read one after the other, left then right, as a reader does. A block is the lines between
    /// blank lines where at least one line has a wide gap inside it; in such a block a line indented as deep as a gap
    /// belongs to the right column. Lines outside such blocks are left as they are.
    /// </summary>
    internal static IEnumerable<string> Columns(IReadOnlyList<string> lines)
    {
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Trim().Length == 0)
            {
                yield return lines[i++];
                continue;
            }

            var end = i;
            while (end < lines.Count && lines[end].Trim().Length > 0)
            {
                end++;
            }

            if (!Enumerable.Range(i, end - i).Any(k => ColumnGap().IsMatch(lines[k].Trim())))
            {
                for (; i < end; i++)
                {
                    yield return lines[i];
                }

                continue;
            }

            var left = new List<string>();
            var right = new List<string>();
            for (; i < end; i++)
            {
                var line = lines[i];
                var text = line.Trim();
                if (ColumnGap().Match(text) is { Success: true } gap)
                {
                    left.Add(text[..gap.Index]);
                    right.Add(text[(gap.Index + gap.Length)..]);
                }
                else if (line.Length - line.TrimStart().Length >= MinColumnGap)
                {
                    right.Add(text);
                }
                else
                {
                    left.Add(text);
                }
            }

            foreach (var cell in left.Concat(right))
            {
                yield return cell;
            }
        }
    }

    private const int MinColumnGap = 6;

    [GeneratedRegex(@"(?<=\S) {6,}(?=\S)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ColumnGap();

    /// <summary>
    /// "ĐẢNG ỦY XÃ A | ĐẢNG CỘNG SẢN VIỆT NAM" → both cells; a cell that is only a purpose ("| (để báo cáo)") stays
    /// on its row, since it belongs to the item before it.
    /// </summary>
    private static List<string> TableCells(string raw)
    {
        if (!raw.Contains('|', StringComparison.Ordinal))
        {
            return raw.Trim().Length == 0 ? [] : [raw];
        }

        var cells = new List<string>();
        foreach (var cell in raw.Split('|'))
        {
            var trimmed = cell.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (cells.Count > 0 && trimmed.StartsWith('('))
            {
                cells[^1] += " " + trimmed;
            }
            else
            {
                cells.Add(trimmed);
            }
        }

        return cells;
    }

    private static string CleanLine(string raw)
    {
        var line = raw.Trim();
        if (line.Length > 0 && line.All(c => c == '*'))
        {
            return "*";
        }

        line = line.Replace("*", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal);
        line = Spaces().Replace(line, " ").Trim();
        line = DigitGluedToWord().Replace(line, "$1 $2");
        line = OcrDash().Replace(line, "- ");
        return GluedWords().Replace(line, m => Unglue(m.Value));
    }

    // Phrases that copying from PDF or the web often glues together ("Thôngbáo", "KÍNHGỬI").
    private static readonly string[] GluablePhrases =
    [
        "thông báo", "chỉ thị", "kế hoạch", "nghị quyết", "công văn", "kính gửi", "nơi nhận", "hướng dẫn", "quyết định",
        "thông tri", "báo cáo", "chương trình", "quy định", "kết luận", "thường vụ", "tổ chức",
    ];

    private static string Unglue(string word)
    {
        foreach (var phrase in GluablePhrases)
        {
            var glued = phrase.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (string.Equals(word, glued, StringComparison.OrdinalIgnoreCase))
            {
                var split = phrase.IndexOf(' ', StringComparison.Ordinal);
                return word[..split] + " " + word[split..];
            }
        }

        return word;
    }

    // OCR reads a list's leading dash as "~", "—", "−" or "_" ("~ Đảng ủy, UBND các xã").
    [GeneratedRegex(@"^[~—−_]\s+(?=\p{Lu})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex OcrDash();

    // "2023Ban Thường vụ": a date glued to the next sentence's first word.
    [GeneratedRegex(@"(\d)(\p{Lu}\p{Ll})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DigitGluedToWord();

    [GeneratedRegex(@"(?i)\b(?:thôngbáo|chỉthị|kếhoạch|nghịquyết|côngvăn|kínhgửi|nơinhận|hướngdẫn|quyếtđịnh|thôngtri|báocáo|chươngtrình|quyđịnh|kếtluận|thườngvụ|tổchức)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex GluedWords();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Spaces();

    private sealed partial class Reader(List<string> lines)
    {
        private static readonly string[] OrganizationWords =
        [
            "ĐẢNG BỘ", "ĐẢNG ỦY", "ĐẢNG UỶ", "THÀNH ỦY", "THÀNH UỶ", "TỈNH ỦY", "TỈNH UỶ", "HUYỆN ỦY", "HUYỆN UỶ", "QUẬN ỦY", "QUẬN UỶ",
            "THỊ ỦY", "THỊ UỶ", "BAN ", "VĂN PHÒNG", "ỦY BAN", "UỶ BAN", "CHI BỘ", "ĐẢNG ĐOÀN", "HỘI ĐỒNG", "BỘ CHÍNH TRỊ", "MẶT TRẬN",
            "CÔNG ĐOÀN", "ĐOÀN ", "HỘI ", "TRUNG ƯƠNG", "UBND", "HĐND",
        ];

        private static readonly (string Title, string Code)[] TypeTitles =
        [
            ("THÔNG BÁO KẾT LUẬN", "TB"), ("CHỈ THỊ", "CT"), ("THÔNG BÁO", "TB"), ("KẾ HOẠCH", "KH"), ("NGHỊ QUYẾT", "NQ"),
            ("QUYẾT ĐỊNH", "QĐ"), ("QUY ĐỊNH", "QĐi"), ("KẾT LUẬN", "KL"), ("HƯỚNG DẪN", "HD"), ("BÁO CÁO", "BC"),
            ("CHƯƠNG TRÌNH", "CTr"), ("QUY CHẾ", "QC"), ("THÔNG TRI", "TT"), ("ĐỀ ÁN", "ĐA"), ("PHƯƠNG ÁN", "PA"),
            ("TỜ TRÌNH", "TTr"), ("BIÊN BẢN", "BB"), ("CÔNG VĂN", "CV"), ("CÔNG ĐIỆN", "CĐ"),
        ];

        private readonly List<string> _warnings = [];

        public ParsedDirective Read()
        {
            if (lines.All(string.IsNullOrWhiteSpace))
            {
                return new ParsedDirective { Warnings = [EmptyText] };
            }

            var lead = CutLead();
            var copyStart = FindCopyStart();
            var main = lines.Take(copyStart).ToList();
            var header = ReadHeader(main);
            _warnings.AddRange(header.Notes);
            ReadLead(lead, header);
            var tailStart = FindTailStart(main, header.BodyStart);
            var (recipients, paragraphsStart) = ReadRecipients(main, header.BodyStart, tailStart);
            var paragraphs = Paragraphs(main, paragraphsStart, tailStart);
            var year = header.IssuedOn?.Year;
            var documentType = header.TypeCode ?? header.TitleCode ?? (header.SubjectIsLetter ? "CV" : null);
            var normative = NormativeTypes.Contains(documentType ?? string.Empty) || paragraphs.Any(p => Article().IsMatch(p));
            var (preamble, tasks, closing) = normative ? ReadNormative(paragraphs) : ReadTasks(paragraphs, year);
            var (distribution, signer) = ReadTail(main, tailStart);
            var copy = ReadCopy(copyStart);

            var references = Citations(string.Join("\n", paragraphs), header.Number, _warnings);
            if (copy?.CopiedNumber is { } copied && references.All(r => r.Number != copied.Number))
            {
                references.Add(copied);
            }

            if (header.TypeCode is { } numberType && header.TitleCode is { } titleType && numberType != titleType && !(numberType == "QĐ" && titleType == "QĐi"))
            {
                _warnings.Add($"Ký hiệu loại trong số ({numberType}) khác tên loại in trên văn bản ({titleType}).");
            }

            var found = header.Number is not null || header.IssuedOn is not null || header.Issuer is not null || header.SawNationalHeading;
            if (!found)
            {
                _warnings.Insert(0, NotADirective);
            }
            else
            {
                Warn(header.Number is null, "Không tìm thấy số và ký hiệu văn bản.");
                Warn(header.IssuedOn is null, "Không tìm thấy địa danh, ngày ban hành.");
                Warn(header.Issuer is null, "Không tìm thấy cơ quan ban hành.");
                Warn(header.Subject is null, "Không tìm thấy trích yếu.");
                Warn(recipients.Count == 0 && documentType == "CV", "Không tìm thấy nơi nhận (Kính gửi).");
                Warn(signer.Name is null, "Không tìm thấy người ký.");
                Warn(distribution.Count == 0, "Không tìm thấy phần \"Nơi nhận\".");
            }

            return new ParsedDirective
            {
                Number = header.Number,
                Sequence = header.Sequence,
                DocumentType = documentType,
                IssuerCode = header.IssuerCode,
                ParentBody = header.ParentBody,
                Issuer = header.Issuer,
                Place = header.Place,
                IssuedOn = header.IssuedOn,
                Subject = header.Subject,
                Urgency = header.Urgency,
                Recipients = recipients,
                Preamble = preamble,
                Tasks = tasks,
                References = references,
                Distribution = distribution,
                Signer = signer,
                Attachments = copy is null ? [] : [new ParsedAttachment("SaoLuc", copy.Number, copy.Title)],
                Warnings = _warnings.Distinct(StringComparer.Ordinal).ToList(),
                Closing = closing,
                Confidentiality = header.Confidentiality,
            };
        }

        private void Warn(bool condition, string message)
        {
            if (condition)
            {
                _warnings.Add(message);
            }
        }

        // ---- lead: what a web page puts above the document --------------------------------------------------------

        /// <summary>
        /// Where the document's header starts: the first issuer line, national heading, number line or type title
        /// within the first lines. What stands above it (a site's name, "Gửi bài này In bài này", a news lead) is
        /// blanked out of the document and returned, so it is neither issuer nor body. Stamps above the header stay.
        /// </summary>
        private List<string> CutLead()
        {
            var start = -1;
            var nonBlank = 0;
            for (var i = 0; i < lines.Count && nonBlank <= MaxLeadLines; i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                {
                    continue;
                }

                if (IsHeaderAnchor(line))
                {
                    start = i;
                    break;
                }

                nonBlank++;
            }

            var lead = new List<string>();
            if (start <= 0)
            {
                return lead;
            }

            for (var i = 0; i < start; i++)
            {
                if (lines[i].Length == 0 || UrgencyStamp().IsMatch(lines[i]) || ConfidentialityStamp().IsMatch(lines[i]))
                {
                    continue;
                }

                lead.Add(lines[i]);
                lines[i] = string.Empty;
            }

            return lead;
        }

        private const int MaxLeadLines = 12;

        private static bool IsHeaderAnchor(string line) =>
            (IsUpper(line) && StartsWithOrganizationWord(line))
            || NationalHeading().IsMatch(line)
            || PartyNumberLine().IsMatch(line)
            || UrgencyStamp().IsMatch(line)
            || TypeTitles.Any(t => string.Equals(line.TrimEnd('.', ':'), t.Title, StringComparison.Ordinal));

        /// <summary>
        /// A republication's lead names the document itself ("Ngày 15/3/2024, Ban Thường vụ Tỉnh ủy ban hành Chỉ thị
        /// số 07-CT/TU …"): when the header lacks them, its number, type and date come from there.
        /// </summary>
        private void ReadLead(List<string> lead, Header header)
        {
            if (lead.Count == 0)
            {
                return;
            }

            var text = string.Join(" ", lead);
            if (header.Number is null && LeadNumber().Match(text) is { Success: true } own)
            {
                header.Sequence = int.Parse(own.Groups["seq"].Value, CultureInfo.InvariantCulture);
                var kind = Spaces().Replace(own.Groups["kind"].Value, " ");
                header.TitleCode ??= KindCodes.TryGetValue(kind, out var code) ? code : null;
                if (own.Groups["type"].Success)
                {
                    header.TypeCode = own.Groups["type"].Value;
                    header.IssuerCode = FixIssuerCode(own.Groups["issuer"].Value, header.Notes);
                    header.Number = $"{own.Groups["seq"].Value}-{header.TypeCode}/{header.IssuerCode}";
                    _warnings.Add($"Số và ký hiệu {header.Number} lấy từ lời giới thiệu phía trên văn bản.");
                }
                else
                {
                    _warnings.Add($"Lời giới thiệu ghi \"{own.Value.Trim()}\" nhưng không có ký hiệu: chỉ đọc được số thứ tự {header.Sequence}.");
                }
            }

            if (header.IssuedOn is null && LeadDate().Match(text) is { Success: true } date)
            {
                header.IssuedOn = Date(date.Groups["d"].Value, date.Groups["m"].Value, date.Groups["y"].Value);
                if (header.IssuedOn is not null)
                {
                    _warnings.Add("Ngày ban hành lấy từ lời giới thiệu phía trên văn bản.");
                }
            }
        }

        [GeneratedRegex(@"(?<kind>(?i:Chỉ thị|Nghị quyết|Kết luận|Quy định|Quyết định|Thông báo|Kế hoạch|Hướng dẫn|Thông tri|Chương trình|Công văn|Quy chế))\s+số\s*:?\s*(?<seq>\d{1,5})(?:\s*[-–]\s*(?<type>[A-ZĐ][A-Za-zĐđ]{0,4})\s*/\s*(?<issuer>[A-ZĐ][A-Za-zĐđƯ0-9]{0,15}))?", RegexOptions.CultureInvariant, 1000)]
        private static partial Regex LeadNumber();

        [GeneratedRegex(@"\b[Nn]gày\s+(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})\s*/\s*(?<y>\d{4})\s*,?[^.]{0,120}?(?:ban\s+hành|ký)", RegexOptions.CultureInvariant, 1000)]
        private static partial Regex LeadDate();

        /// <summary>OCR and font slips in an issuer code: "HƯ" for "HU", "TƯ" for "TU", "DU" for "ĐU".</summary>
        internal static string FixIssuerCode(string code, List<string> notes)
        {
            var fixedCode = code.Replace('Ư', 'U');
            if (fixedCode == "DU" || fixedCode.EndsWith("DU", StringComparison.Ordinal) && fixedCode.Length <= 5 && fixedCode.Length > 2 && !fixedCode.EndsWith("ĐDU", StringComparison.Ordinal))
            {
                fixedCode = fixedCode[..^2] + "ĐU";
            }

            if (fixedCode != code)
            {
                notes.Add($"Ký hiệu \"{code}\" được đọc là \"{fixedCode}\" (lỗi chữ thường gặp khi sao chép hoặc nhận dạng); hãy kiểm tra lại.");
            }

            return fixedCode;
        }

        // ---- header ---------------------------------------------------------------------------------------------

        private sealed class Header
        {
            public List<string> IssuerLines { get; } = [];

            public string? Number { get; set; }

            public int? Sequence { get; set; }

            public string? TypeCode { get; set; }

            public string? TitleCode { get; set; }

            public string? IssuerCode { get; set; }

            public string? Place { get; set; }

            public DateOnly? IssuedOn { get; set; }

            public string? Subject { get; set; }

            public bool SubjectIsLetter { get; set; }

            public string? Urgency { get; set; }

            public string? Confidentiality { get; set; }

            public bool SawNationalHeading { get; set; }

            public bool InCongress { get; set; }

            public List<string> Notes { get; } = [];

            public int BodyStart { get; set; }

            public string? ParentBody => IssuerLines.Count >= 2 ? string.Join(" ", IssuerLines.Take(IssuerLines.Count - 1)) : null;

            public string? Issuer => IssuerLines.Count >= 1 ? IssuerLines[^1] : null;
        }

        private static Header ReadHeader(List<string> main)
        {
            var header = new Header { BodyStart = main.Count };
            var subject = new List<string>();
            var inSubject = false;
            var subjectDone = false;
            var sawOther = false;

            for (var i = 0; i < main.Count; i++)
            {
                var queue = new Queue<string>(SplitHeaderLine(main[i]));
                while (queue.Count > 0)
                {
                    var line = queue.Dequeue();
                    if (line.Length == 0)
                    {
                        // OCR and PDF copies put blank lines inside a subject; a lower-case line after one goes on.
                        var next = NextNonBlank(main, i, main.Count);
                        if (inSubject && subject.Count > 0 && !subject[^1].EndsWith('.') && next >= 0 && !NationalHeading().IsMatch(main[next])
                            && main[next].TrimStart('"', '“') is { Length: > 0 } nextLine && char.IsLower(nextLine[0]))
                        {
                            continue;
                        }

                        if (inSubject && subject.Count > 0)
                        {
                            inSubject = false;
                            subjectDone = true;
                        }

                        continue;
                    }

                    var unquotedLine = line.Trim('"', '“', '”', '\'');
                    var startsSubject = !subjectDone && subject.Count == 0 && !inSubject
                        && (LetterSubject().IsMatch(unquotedLine) || IsLowerCaseLetterSubject(unquotedLine, header));
                    if (KinhGui().IsMatch(line) || (sawOther && !startsSubject && IsBodyStart(line, inSubject)))
                    {
                        header.BodyStart = i;
                        header.Subject = SubjectText(subject, header);
                        return header;
                    }

                    if (NationalHeading().IsMatch(line))
                    {
                        header.InCongress = false;
                        header.SawNationalHeading = true;
                        sawOther = true;
                        inSubject = false;
                        continue;
                    }

                    if (line == "*")
                    {
                        sawOther = true;
                        header.InCongress = false;
                        continue;
                    }

                    if (header.Number is null && PartyNumberLine().Match(line) is { Success: true } number)
                    {
                        header.Sequence = int.Parse(number.Groups["seq"].Value, CultureInfo.InvariantCulture);
                        header.TypeCode = number.Groups["type"].Value;
                        header.IssuerCode = FixIssuerCode(number.Groups["issuer"].Value, header.Notes);
                        header.Number = $"{number.Groups["seq"].Value}-{header.TypeCode}/{header.IssuerCode}";
                        sawOther = true;
                        inSubject = false;
                        Requeue(queue, line[number.Length..]);
                        continue;
                    }

                    if (header.Number is null && StateNumberLine().Match(line) is { Success: true } stateNumber)
                    {
                        header.Sequence = int.Parse(stateNumber.Groups["seq"].Value, CultureInfo.InvariantCulture);
                        header.TypeCode = stateNumber.Groups["code"].Value;
                        header.IssuerCode = stateNumber.Groups["agency"].Success ? stateNumber.Groups["agency"].Value : null;
                        header.Number = line[stateNumber.Groups["seq"].Index..stateNumber.Length].Replace(" ", "", StringComparison.Ordinal);
                        sawOther = true;
                        continue;
                    }

                    if (header.IssuedOn is null && DateLine().Match(line) is { Success: true } date)
                    {
                        header.IssuedOn = Date(date.Groups["d"].Value, date.Groups["m"].Value, date.Groups["y"].Value);
                        var place = date.Groups["place"].Value.Trim(' ', ',', '-');
                        header.Place = place.Length > 0 ? place : null;
                        sawOther = true;
                        inSubject = false;
                        continue;
                    }

                    if (UrgencyStamp().IsMatch(line))
                    {
                        header.Urgency = UrgencyOf(line);
                        sawOther = true;
                        continue;
                    }

                    if (ConfidentialityStamp().IsMatch(line))
                    {
                        header.Confidentiality = Fold(line) switch
                        {
                            var c when c.StartsWith("TUYET", StringComparison.Ordinal) => "TuyetMat",
                            var c when c.StartsWith("TOI", StringComparison.Ordinal) => "ToiMat",
                            _ => "Mat",
                        };
                        continue;
                    }

                    if (header.TitleCode is null && !inSubject && TypeTitles.FirstOrDefault(t => string.Equals(line.TrimEnd('.', ':'), t.Title, StringComparison.Ordinal)) is { Title: not null } title)
                    {
                        header.TitleCode = title.Code;
                        sawOther = true;
                        inSubject = !subjectDone;
                        continue;
                    }

                    var unquoted = line.Trim('"', '“', '”', '\'');
                    if (!subjectDone && subject.Count == 0 && LetterSubject().Match(unquoted) is { Success: true } letter)
                    {
                        header.SubjectIsLetter = true;
                        subject.Add(letter.Groups["text"].Value);
                        inSubject = true;
                        sawOther = true;
                        continue;
                    }

                    if (!subjectDone && !inSubject && subject.Count == 0 && IsLowerCaseLetterSubject(unquoted, header))
                    {
                        header.SubjectIsLetter = true;
                        subject.Add(unquoted);
                        inSubject = true;
                        continue;
                    }

                    if (inSubject)
                    {
                        if (subject.Count > 0 && (subject.Sum(s => s.Length) > 400 || subject[^1].EndsWith('.')))
                        {
                            header.BodyStart = i;
                            header.Subject = SubjectText(subject, header);
                            return header;
                        }

                        subject.Add(unquoted);
                        continue;
                    }

                    if (IsUpper(line) && header.Number is null && subject.Count == 0 && line.StartsWith("ĐẠI HỘI", StringComparison.Ordinal))
                    {
                        // A congress issues in its own name: "ĐẠI HỘI ĐẠI BIỂU" / "ĐẢNG BỘ HUYỆN …" / "LẦN THỨ XXVI".
                        header.IssuerLines.Add(line);
                        header.InCongress = true;
                        continue;
                    }

                    if (IsUpper(line) && header.InCongress && header.Number is null && subject.Count == 0)
                    {
                        header.IssuerLines[^1] += " " + line;
                        continue;
                    }

                    if (IsUpper(line) && header.Number is null && subject.Count == 0 && header.IssuerLines.Count < 4)
                    {
                        if (header.IssuerLines.Count > 0 && !StartsWithOrganizationWord(line) && !sawOther)
                        {
                            header.IssuerLines[^1] += " " + line;
                        }
                        else if (!sawOther || StartsWithOrganizationWord(line))
                        {
                            header.IssuerLines.Add(line);
                        }

                        continue;
                    }

                    // Anything else in the header area: prose means the body has started.
                    if (WordCount(line) >= 6 && !IsUpper(line))
                    {
                        header.BodyStart = i;
                        header.Subject = SubjectText(subject, header);
                        return header;
                    }
                }
            }

            header.Subject = SubjectText(subject, header);
            return header;
        }

        /// <summary>
        /// A công văn's subject printed under its number without "V/v" starts in lower case; it comes before the date
        /// line, which is how a long one is told from the body's first paragraph.
        /// </summary>
        private static bool IsLowerCaseLetterSubject(string line, Header header) =>
            header.TypeCode == "CV" && header.IssuedOn is null && line.Length > 0 && char.IsLower(line[0]) && WordCount(line) <= 40 && !line.EndsWith(':');

        private static void Requeue(Queue<string> queue, string rest)
        {
            rest = rest.Trim(' ', ',', ';');
            if (rest.Length > 0)
            {
                var remaining = queue.ToList();
                queue.Clear();
                queue.Enqueue(rest);
                foreach (var item in remaining)
                {
                    queue.Enqueue(item);
                }
            }
        }

        /// <summary>PDF copies merge the two header columns into one line: split off the national heading and a date line.</summary>
        private static IEnumerable<string> SplitHeaderLine(string line)
        {
            if (NationalHeading().Match(line) is { Success: true } heading && heading.Length < line.Length)
            {
                foreach (var part in new[] { line[..heading.Index], heading.Value, line[(heading.Index + heading.Length)..] })
                {
                    foreach (var piece in SplitHeaderLine(part.Trim()))
                    {
                        yield return piece;
                    }
                }

                yield break;
            }

            if (NumberInsideLine().Match(line) is { Success: true, Index: > 0 } inside && IsUpper(line[..inside.Index]))
            {
                yield return line[..inside.Index].Trim();
                foreach (var piece in SplitHeaderLine(line[inside.Index..].Trim()))
                {
                    yield return piece;
                }

                yield break;
            }

            var at = line.IndexOf("ngày", StringComparison.OrdinalIgnoreCase);
            if (at > 0 && !line.StartsWith("Số", StringComparison.Ordinal) && DateLine().IsMatch(line[at..]))
            {
                // The place is the run of capitalized words just before ", ngày".
                var before = line[..at].TrimEnd(' ', ',');
                var words = before.Split(' ');
                var placeWords = 0;
                for (var w = words.Length - 1; w >= 0 && placeWords < 4; w--)
                {
                    var word = words[w];
                    if (word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower))
                    {
                        placeWords++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (placeWords < words.Length)
                {
                    yield return string.Join(' ', words.Take(words.Length - placeWords));
                    yield return string.Join(' ', words.Skip(words.Length - placeWords)) + ", " + line[at..];
                    yield break;
                }
            }

            yield return line;
        }

        private static bool IsBodyStart(string line, bool inSubject) =>
            NumberedItem().IsMatch(line) && WordCount(line) >= 4 && !inSubject
            || (!inSubject && WordCount(line) >= 12 && !IsUpper(line));

        private static string? SubjectText(List<string> subject, Header header)
        {
            var text = string.Join(' ', subject).Trim().Trim('"', '“', '”', '\'').Trim();
            return text.Length == 0 ? null : text;
        }

        // "ĐẢNG ỦY XÃ A Số: 28 - CV/ĐU": a flattened table row holding the issuer and the number.
        [GeneratedRegex(@"\sSố\s*:?\s*\d{1,5}\s*[-–/]", RegexOptions.CultureInvariant, 1000)]
        private static partial Regex NumberInsideLine();

        [GeneratedRegex(@"^(?:V\s*/\s*v|Về\s+việc|Về)\s*[:.]?\s+(?<text>\S.*)$", RegexOptions.CultureInvariant, 1000)]
        private static partial Regex LetterSubject();

        private static string UrgencyOf(string line) => Fold(line) switch
        {
            var u when u.StartsWith("HOA", StringComparison.Ordinal) => "HoaToc",
            var u when u.StartsWith("THUONG", StringComparison.Ordinal) => "ThuongKhan",
            _ => "Khan",
        };

        // ---- recipients, paragraphs, tasks ----------------------------------------------------------------------

        private static (List<string> Recipients, int Next) ReadRecipients(List<string> main, int start, int end)
        {
            var recipients = new List<string>();
            var i = start;
            while (i < end && main[i].Length == 0)
            {
                i++;
            }

            if (i >= end || KinhGui().Match(main[i]) is not { Success: true } kinhGui)
            {
                return (recipients, start);
            }

            recipients.AddRange(InlineList(main[i][kinhGui.Length..]));
            i++;
            for (; i < end; i++)
            {
                var line = main[i];
                if (line.Length == 0)
                {
                    // A blank line right after "Kính gửi:" or between short items does not end the list; a long
                    // "- " paragraph after a blank line is the body.
                    var next = NextNonBlank(main, i, end);
                    if (next >= 0 && (DongKinhGui().IsMatch(main[next])
                        || (BulletItem().IsMatch(main[next]) && WordCount(main[next]) <= MaxRecipientWords
                            && (recipients.Count == 0 || !recipients[^1].EndsWith('.')))))
                    {
                        continue;
                    }

                    break;
                }

                if (DongKinhGui().Match(line) is { Success: true } dong)
                {
                    recipients.AddRange(InlineList(line[dong.Length..]));
                }
                else if (BulletItem().IsMatch(line) && WordCount(line) <= MaxRecipientWords)
                {
                    recipients.Add(line);
                }
                else if (recipients.Count > 0 && char.IsLower(line[0]) && !recipients[^1].EndsWith('.'))
                {
                    recipients[^1] += " " + line;
                }
                else
                {
                    break;
                }
            }

            return (recipients.Select(CleanItem).Where(r => r.Length > 0).ToList(), i);
        }

        // A recipient is a unit's name; twenty words is a sentence of the body.
        private const int MaxRecipientWords = 20;

        /// <summary>"- Ban Tổ chức Tỉnh ủy (b/c); - Như kính gửi; - Lưu VPTU." on one line → its items.</summary>
        private static List<string> InlineList(string rest)
        {
            rest = rest.Trim();
            if (rest.Length == 0)
            {
                return [];
            }

            return rest.StartsWith('-') || rest.StartsWith('–')
                ? InlineItemBreak().Split(rest).Select(x => x.Trim()).Where(x => x.Length > 0).ToList()
                : [rest];
        }

        // "; - B" or ", - B" or " - B" before a capital: the next item (" - xã hội" inside a name stays).
        [GeneratedRegex(@"\s*[;,.]?\s+[-–]\s+(?=\p{Lu})", RegexOptions.CultureInvariant, 1000)]
        private static partial Regex InlineItemBreak();

        [GeneratedRegex(@"^(?:-\s*)?Đồng\s+k[ií]nh\s+g[ửư]i\s*:?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
        private static partial Regex DongKinhGui();

        /// <summary>Joins the lines of each paragraph back together: PDF copies break lines inside phrases.</summary>
        private static List<string> Paragraphs(List<string> main, int start, int end)
        {
            var paragraphs = new List<string>();
            var current = new StringBuilder();
            var blankSince = false;
            for (var i = start; i < end; i++)
            {
                var line = main[i];
                if (line.Length == 0 || line == "*")
                {
                    blankSince = true;
                    continue;
                }

                var startsItem = NumberedItem().IsMatch(line) || RomanItem().IsMatch(line) || ParenthesizedItem().IsMatch(line)
                    || LetterItem().IsMatch(line) || BulletItem().IsMatch(line);
                // A line broken before a date ("… ngày" / "30/10/2021 của …") goes on like one in lower case, and so
                // does one broken before a quotation ("… về" / "“tăng cường …”").
                var head = line.TrimStart('"', '“', '‘', '\'');
                var continues = current.Length > 0 && !startsItem && !EndsSentence(current) && head.Length > 0 && (char.IsLower(head[0]) || char.IsDigit(head[0]));
                if (current.Length > 0 && (startsItem || (!continues && (blankSince || EndsSentence(current)))))
                {
                    paragraphs.Add(current.ToString());
                    current.Clear();
                }

                if (current.Length > 0)
                {
                    current.Append(' ');
                }

                current.Append(line);
                blankSince = false;
            }

            if (current.Length > 0)
            {
                paragraphs.Add(current.ToString());
            }

            return paragraphs;
        }

        private static bool EndsSentence(StringBuilder text) => text.Length > 0 && text[^1] is '.' or ':' or ';' or '!' or '?';

        // Normative texts: their sections, articles and Roman headings are structure, not tasks to track.
        private static readonly HashSet<string> NormativeTypes = new(StringComparer.Ordinal) { "NQ", "TT", "HD", "CTr", "QĐ", "QĐi", "QC", "QyĐ", "BC" };

        [GeneratedRegex(@"^Điều\s+\d{1,3}\s*[.:]", RegexOptions.CultureInvariant, 1000)]
        private static partial Regex Article();

        private (string? Preamble, List<ParsedTask> Tasks, string? Closing) ReadNormative(List<string> paragraphs)
        {
            if (paragraphs.Any(p => NumberedItem().IsMatch(p) || RomanItem().IsMatch(p) || Article().IsMatch(p)))
            {
                _warnings.Add("Văn bản có bố cục phần, mục, điều (nghị quyết, hướng dẫn, thông tri, quyết định…): giữ làm nội dung, không tách thành nhiệm vụ theo dõi.");
            }

            return (paragraphs.Count == 0 ? null : string.Join("\n", paragraphs), [], null);
        }

        private (string? Preamble, List<ParsedTask> Tasks, string? Closing) ReadTasks(List<string> paragraphs, int? year)
        {
            var hasRoman = paragraphs.Any(p => RomanItem().IsMatch(p)) && paragraphs.Any(p => NumberedItem().IsMatch(p));
            // A công văn may give its tasks as "- " items only, after a request ending in ":".
            var dashTasks = !paragraphs.Any(p => NumberedItem().IsMatch(p) || RomanItem().IsMatch(p))
                && paragraphs.Select((p, i) => (p, i)).Any(x => BulletItem().IsMatch(x.p) && x.i > 0 && paragraphs[x.i - 1].EndsWith(':'));
            var preamble = new List<string>();
            var tasks = new List<TaskBuilder>();
            var lastTaskParagraph = -1;
            for (var p = 0; p < paragraphs.Count; p++)
            {
                var paragraph = paragraphs[p];
                var top = dashTasks ? BulletItem().Match(paragraph) : hasRoman ? RomanItem().Match(paragraph) : NumberedItem().Match(paragraph);
                if (top.Success)
                {
                    tasks.Add(new TaskBuilder(dashTasks ? "-" : top.Groups["label"].Value, top.Groups["text"].Value));
                    lastTaskParagraph = p;
                    continue;
                }

                var sub = hasRoman ? NumberedItem().Match(paragraph) : Match.Empty;
                if (!sub.Success)
                {
                    sub = ParenthesizedItem().Match(paragraph);
                }

                if (!sub.Success)
                {
                    sub = LetterItem().Match(paragraph);
                }

                if (tasks.Count > 0 && sub.Success)
                {
                    tasks[^1].Subtasks.Add(new TaskBuilder(sub.Groups["label"].Value, sub.Groups["text"].Value));
                    lastTaskParagraph = p;
                    continue;
                }

                if (tasks.Count > 0 && BulletItem().Match(paragraph) is { Success: true } bullet)
                {
                    tasks[^1].Subtasks.Add(new TaskBuilder("-", bullet.Groups["text"].Value));
                    lastTaskParagraph = p;
                    continue;
                }

                if (tasks.Count == 0)
                {
                    preamble.Add(paragraph);
                }
            }

            // Plain paragraphs after a task belong to it, except a closing request after the last one.
            var closing = new List<string>();
            var owner = (TaskBuilder?)null;
            for (var p = 0; p < paragraphs.Count && tasks.Count > 0; p++)
            {
                var paragraph = paragraphs[p];
                var isItem = NumberedItem().IsMatch(paragraph) || RomanItem().IsMatch(paragraph) || ParenthesizedItem().IsMatch(paragraph)
                    || LetterItem().IsMatch(paragraph) || BulletItem().IsMatch(paragraph);
                if (isItem)
                {
                    owner = FindOwner(tasks, paragraph);
                    continue;
                }

                if (owner is null)
                {
                    continue;
                }

                if (p > lastTaskParagraph && (closing.Count > 0 || ClosingWords().IsMatch(paragraph)))
                {
                    closing.Add(paragraph);
                    continue;
                }

                owner.Text += "\n" + paragraph;
            }

            var parsed = tasks.Select(t => t.Build(year, _warnings)).ToList();
            if (tasks.Count == 0)
            {
                // No numbered tasks: the body is the preamble, and a closing request is still told apart.
                var trailing = preamble.Count > 1 && ClosingWords().IsMatch(preamble[^1]) ? preamble[^1] : null;
                if (trailing is not null)
                {
                    preamble.RemoveAt(preamble.Count - 1);
                    closing.Add(trailing);
                }
            }

            return (preamble.Count == 0 ? null : string.Join("\n", preamble), parsed, closing.Count == 0 ? null : string.Join("\n", closing));
        }

        private static TaskBuilder? FindOwner(List<TaskBuilder> tasks, string paragraph)
        {
            foreach (var task in tasks)
            {
                if (paragraph.EndsWith(task.Text, StringComparison.Ordinal) && task.Subtasks.Count == 0)
                {
                    return task;
                }

                foreach (var sub in task.Subtasks)
                {
                    if (paragraph.EndsWith(sub.Text, StringComparison.Ordinal))
                    {
                        return sub;
                    }
                }

                if (paragraph.EndsWith(task.Text, StringComparison.Ordinal))
                {
                    return task;
                }
            }

            return null;
        }

        [GeneratedRegex(@"^(?:Yêu cầu|Đề nghị|Nhận được|Trên đây|Chỉ thị này|Thông báo này|Kế hoạch này|Công văn này|Quá trình thực hiện|Trong quá trình|(?:Ban Thường vụ|Thường trực|Ban Dân vận|Ban Tuyên giáo|Ban Tổ chức|Văn phòng)[^.]{0,60}(?:yêu cầu|đề nghị))", RegexOptions.CultureInvariant, 1000)]
        private static partial Regex ClosingWords();

        private sealed class TaskBuilder(string label, string text)
        {
            public string Text { get; set; } = text;

            public List<TaskBuilder> Subtasks { get; } = [];

            public ParsedTask Build(int? year, List<string> warnings) =>
                new(label, CleanTaskText(Text), FindDeadline(Text, year, warnings), Subtasks.Select(s => s.Build(year, warnings)).ToList(), ReceiptDeadlineText.Find(Text));
        }

        private static string CleanTaskText(string text) => string.Join("\n", text.Split('\n').Select(t => t.Trim()));

        private static DateOnly? FindDeadline(string text, int? year, List<string> warnings)
        {
            if (Deadline().Match(text) is not { Success: true } match)
            {
                return null;
            }

            var y = match.Groups["y"].Success ? match.Groups["y"].Value : year?.ToString(CultureInfo.InvariantCulture);
            if (y is null)
            {
                warnings.Add($"Thời hạn \"{match.Value}\" không ghi năm và không rõ năm ban hành.");
                return null;
            }

            return Date(match.Groups["d"].Value, match.Groups["m"].Value, y);
        }

        // ---- citations ------------------------------------------------------------------------------------------

        private static readonly Dictionary<string, string> KindCodes = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Chỉ thị"] = "CT",
            ["Kết luận"] = "KL",
            ["Nghị quyết"] = "NQ",
            ["Nghị định"] = "NĐ",
            ["Công văn"] = "CV",
            ["Công điện"] = "CĐ",
            ["Thông báo"] = "TB",
            ["Thông báo kết luận"] = "TB",
            ["Kế hoạch"] = "KH",
            ["Quyết định"] = "QĐ",
            ["Quy định"] = "QĐi",
            ["Hướng dẫn"] = "HD",
            ["Thông tri"] = "TT",
            ["Thông tư"] = "TT",
            ["Báo cáo"] = "BC",
            ["Chương trình"] = "CTr",
            ["Đề án"] = "ĐA",
            ["Tờ trình"] = "TTr",
            ["Quy chế"] = "QC",
            ["Phương án"] = "PA",
        };

        private static readonly HashSet<string> StateTypeCodes = new(StringComparer.Ordinal)
        {
            "CĐ", "QĐ", "NĐ", "TT", "CT", "TB", "KH", "BC", "HD", "GM", "QyĐ", "NQ", "KL", "TTr", "ĐA", "PA", "QC", "CTr", "HĐ", "SY", "SL", "TrS", "BB", "TTLT", "L", "PL", "UBTVQH",
        };

        private static List<ParsedReference> Citations(string text, string? ownNumber, List<string> notes)
        {
            var found = new List<(int Index, ParsedReference Reference)>();
            foreach (Match match in PartyCitation().Matches(text))
            {
                var number = $"{match.Groups["seq"].Value}-{match.Groups["type"].Value}/{FixIssuerCode(match.Groups["issuer"].Value, notes)}";
                found.Add((match.Index, new ParsedReference(match.Groups["type"].Value, number, DateAfter(text, match))));
            }

            foreach (Match match in StateCitation().Matches(text))
            {
                var code = match.Groups["code"].Value;
                var seq = match.Groups["seq"];
                var number = text[seq.Index..(match.Index + match.Length)].Replace(" ", "", StringComparison.Ordinal);
                var type = StateTypeCodes.Contains(code) ? code
                    : match.Groups["kind"].Success && KindCodes.TryGetValue(Spaces().Replace(match.Groups["kind"].Value, " "), out var kindCode) ? kindCode
                    : null;
                found.Add((match.Index, new ParsedReference(type, number, DateAfter(text, match))));
            }

            var references = new List<ParsedReference>();
            foreach (var (_, reference) in found.OrderBy(f => f.Index))
            {
                if (reference.Number == ownNumber)
                {
                    continue;
                }

                var existing = references.FindIndex(r => r.Number == reference.Number);
                if (existing < 0)
                {
                    references.Add(reference);
                }
                else if (references[existing].IssuedOn is null && reference.IssuedOn is not null)
                {
                    references[existing] = references[existing] with { IssuedOn = reference.IssuedOn };
                }
            }

            return references;
        }

        private static DateOnly? DateAfter(string text, Match match)
        {
            var after = text[(match.Index + match.Length)..Math.Min(text.Length, match.Index + match.Length + 60)];
            return DateAfterCitation().Match(after) is { Success: true } date
                ? Date(date.Groups["d"].Value, date.Groups["m"].Value, date.Groups["y"].Value)
                : null;
        }

        // ---- distribution and signature -------------------------------------------------------------------------

        private static int FindTailStart(List<string> main, int bodyStart)
        {
            for (var i = bodyStart; i < main.Count; i++)
            {
                if (NoiNhan().IsMatch(main[i]) || (SigningForm().IsMatch(main[i]) && IsUpper(main[i])))
                {
                    return i;
                }
            }

            // No "Nơi nhận" and no signing form: a title and a name at the very end are still the signature.
            var last = main.Count - 1;
            while (last >= bodyStart && main[last].Length == 0)
            {
                last--;
            }

            if (last > bodyStart && IsPersonName(main[last]))
            {
                var first = last;
                for (var i = last - 1; i > bodyStart; i--)
                {
                    if (main[i].Length == 0)
                    {
                        continue;
                    }

                    if (IsUpper(main[i]) && WordCount(main[i]) <= 8)
                    {
                        first = i;
                    }
                    else
                    {
                        break;
                    }
                }

                return first < last ? first : main.Count;
            }

            return main.Count;
        }

        private static (List<string> Distribution, ParsedSigner Signer) ReadTail(List<string> main, int tailStart)
        {
            var distribution = new List<string>();
            string? authority = null;
            string? body = null;
            var positions = new List<string>();
            string? name = null;
            var inDistribution = false;
            for (var i = tailStart; i < main.Count; i++)
            {
                var line = main[i];
                if (line.Length == 0 || line == "*")
                {
                    continue;
                }

                if (NoiNhan().Match(line) is { Success: true } noiNhan)
                {
                    inDistribution = true;
                    distribution.AddRange(InlineList(line[noiNhan.Length..]));
                    continue;
                }

                if (inDistribution && BulletItem().IsMatch(line))
                {
                    // Two columns copied row by row: "- Như trên, T/M BAN THƯỜNG VỤ" holds a distribution line and a
                    // signature line.
                    if (SignatureTail().Match(line) is { Success: true } tail)
                    {
                        distribution.Add(line[..tail.Index]);
                        line = tail.Value.Trim();
                    }
                    else
                    {
                        distribution.Add(line);
                        continue;
                    }
                }

                if (SigningForm().Match(line) is { Success: true } form && IsUpper(line) && authority is null)
                {
                    authority = NormalizeForm(form.Groups["form"].Value);
                    body = form.Groups["body"].Value.Trim() is { Length: > 0 } b ? b : null;
                    continue;
                }

                if (IsUpper(line) && name is null)
                {
                    positions.Add(line);
                    continue;
                }

                if (IsPersonName(line))
                {
                    name = line;
                    continue;
                }

                if (inDistribution && distribution.Count > 0 && char.IsLower(line[0]))
                {
                    distribution[^1] += " " + line;
                }
            }

            // A body written on two lines ("T/M BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ") is told from the title by the title's words.
            string? position = positions.Count == 0 ? null : string.Join(' ', positions);
            return (distribution.Select(CleanItem).Where(d => d.Length > 0).ToList(), new ParsedSigner(authority, body, position, name));
        }

        [GeneratedRegex(@"\s(?:(?:T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\s*/\s*UQ|TM\.|KT\.|TL\.|TUQ\.)\s+\p{Lu}[\p{Lu}\s]*|(?:PHÓ\s+)?(?:BÍ\s+THƯ(?:\s+THƯỜNG\s+TRỰC)?|TRƯỞNG\s+BAN|CHÁNH\s+VĂN\s+PHÒNG|CHỦ\s+NHIỆM))\s*$", RegexOptions.CultureInvariant, 1000)]
        private static partial Regex SignatureTail();

        private static string NormalizeForm(string form) => form.Replace(" ", "", StringComparison.Ordinal);

        private static bool IsPersonName(string line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length is >= 2 and <= 6
                && words.All(w => w.Length >= 1 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower))
                && !line.Any(c => char.IsDigit(c) || c is ',' or ':' or ';' or '/');
        }

        // ---- authenticated copy ---------------------------------------------------------------------------------

        private sealed record Copy(string? Number, string? Title, ParsedReference? CopiedNumber);

        /// <summary>Where an authenticated copy of another document begins: a "SAO LỤC" mark, or a second document header.</summary>
        private int FindCopyStart()
        {
            var saoLuc = lines.FindIndex(l => SaoLuc().IsMatch(l));
            var headings = lines.Select((l, i) => (l, i)).Where(x => NationalHeading().IsMatch(x.l)).Select(x => x.i).ToList();
            var noiNhan = lines.FindIndex(l => NoiNhan().IsMatch(l));
            var secondHeader = headings.FirstOrDefault(h => noiNhan >= 0 && h > noiNhan, -1);
            var starts = new[] { saoLuc, secondHeader }.Where(i => i > 0).ToList();
            if (starts.Count == 0)
            {
                return lines.Count;
            }

            var start = starts.Min();
            if (start == secondHeader)
            {
                // The copied document's own issuer lines stand just above its national heading.
                while (start > 0 && IsCopyHeaderLine(lines[start - 1]))
                {
                    start--;
                }
            }

            return start;
        }

        private static bool IsCopyHeaderLine(string line) =>
            (line.Length == 0 || line == "*" || IsUpper(line) || PartyNumberLine().IsMatch(line) || DateLine().IsMatch(line))
            && !SigningForm().IsMatch(line) && !IsPersonName(line) && !BulletItem().IsMatch(line);

        private Copy? ReadCopy(int copyStart)
        {
            if (copyStart >= lines.Count)
            {
                return null;
            }

            var region = lines.Skip(copyStart).ToList();
            string? copyNumber = null;
            ParsedReference? copied = null;
            string? title = null;
            for (var i = 0; i < region.Count; i++)
            {
                if (PartyNumberLine().Match(region[i]) is { Success: true } number)
                {
                    var type = number.Groups["type"].Value;
                    var value = $"{number.Groups["seq"].Value}-{type}/{number.Groups["issuer"].Value}";
                    if (type == "BS")
                    {
                        copyNumber ??= value;
                    }
                    else
                    {
                        copied ??= new ParsedReference(type, value, null);
                    }
                }
                else if (StateNumberLine().Match(region[i]) is { Success: true } state && state.Groups["code"].Value is "SY" or "SL" or "TrS")
                {
                    copyNumber ??= region[i][state.Groups["seq"].Index..state.Length].Replace(" ", "", StringComparison.Ordinal);
                }
                else if (title is null && TypeTitles.FirstOrDefault(t => region[i] == t.Title) is { Title: not null } typeTitle)
                {
                    var subject = region.Skip(i + 1).SkipWhile(l => l.Length == 0).TakeWhile(l => l.Length > 0).Take(4);
                    title = (typeTitle.Title + " " + string.Join(' ', subject)).Trim();
                }
            }

            if (copied is not null)
            {
                var date = region.Select(l => DateLine().Match(l)).FirstOrDefault(m => m.Success);
                copied = copied with { IssuedOn = date is null ? null : Date(date.Groups["d"].Value, date.Groups["m"].Value, date.Groups["y"].Value) };
                var kind = KindCodes.FirstOrDefault(k => k.Value == copied.Type && k.Key != "Thông báo kết luận").Key ?? "Văn bản";
                title = $"{kind} số {copied.Number}" + (title is null ? string.Empty : " " + TitleSubject(title));
            }

            if (copyNumber is null && copied is null && title is null)
            {
                _warnings.Add("Có bản sao lục kèm theo nhưng không đọc được số của bản sao.");
            }

            return new Copy(copyNumber, title, copied);
        }

        private static string TitleSubject(string title)
        {
            var known = TypeTitles.FirstOrDefault(t => title.StartsWith(t.Title, StringComparison.Ordinal));
            return known.Title is null ? title : title[known.Title.Length..].Trim();
        }

        // ---- small helpers --------------------------------------------------------------------------------------

        private static int NextNonBlank(List<string> main, int from, int end)
        {
            for (var i = from + 1; i < end; i++)
            {
                if (main[i].Length > 0)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>A list item as printed, without its bullet, emphasis, table rules or trailing punctuation.</summary>
        private static string CleanItem(string item)
        {
            var text = item.Trim();
            if (BulletItem().Match(text) is { Success: true } bullet)
            {
                text = bullet.Groups["text"].Value;
            }

            text = text.Replace(" | ", " ", StringComparison.Ordinal).Replace("|", " ", StringComparison.Ordinal);
            text = Spaces().Replace(text, " ").Trim();
            text = text.Replace(", (", " (", StringComparison.Ordinal);
            return text.TrimEnd(',', ';', '.', ' ', ':').Trim();
        }

        private static bool IsUpper(string line)
        {
            var letters = line.Where(char.IsLetter).ToList();
            return letters.Count >= 2 && letters.Count(char.IsUpper) >= letters.Count * 0.9;
        }

        private static bool StartsWithOrganizationWord(string line) =>
            OrganizationWords.Any(w => line.StartsWith(w, StringComparison.Ordinal));

        private static int WordCount(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

        private static string Fold(string text) => Text.VietnameseText.Fold(text).ToUpperInvariant();
    }
}
