using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Directives;

/// <summary>
/// A directive laid out as the Party's format rules print it (Hướng dẫn 36-HD/VPTW, Quy định 399-QĐ/TW): the lines of
/// each block, shared by the print view and the DOCX download so the two never disagree.
/// </summary>
public sealed record PrintedDirective(
    string? ParentBody,
    string Issuer,
    string NumberLine,
    string DateLine,
    string? TypeTitle,
    string SubjectLine,
    string? UrgencyStamp,
    string? ConfidentialityStamp,
    IReadOnlyList<string> Recipients,
    string? Preamble,
    IReadOnlyList<(string Label, string Text, int Level)> Tasks,
    string? Closing,
    IReadOnlyList<string> Distribution,
    string? AuthorityLine,
    string? Position,
    string? SignerName,
    bool IsDraft)
{
    public const string NationalHeading = "ĐẢNG CỘNG SẢN VIỆT NAM";

    /// <summary>The space left to sign, in lines of the body text: the print view's .signature-space (3.5em) and the DOCX's.</summary>
    public const double SignatureSpaceEm = 3.5;

    /// <summary>
    /// The recipients as printed after "Kính gửi:": one recipient stands on the line itself; a list has one "- …,"
    /// line each and the last ends with a full stop. Print, DOCX and PDF all print these lines.
    /// </summary>
    public IReadOnlyList<string> RecipientLines() =>
        Recipients.Count == 1 ? [Recipients[0]] : EndWithFullStop(Recipients.Select(r => $"- {r},").ToList());

    /// <summary>
    /// The body as printed paragraphs: the opening, each task (its label before its first paragraph) and the closing,
    /// one paragraph per line break typed, so print, DOCX and PDF keep the drafter's paragraphs alike.
    /// </summary>
    public IReadOnlyList<(string Text, int Level)> BodyParagraphs()
    {
        var paragraphs = new List<(string, int)>();
        paragraphs.AddRange(Text.Paragraphs.Of(Preamble).Select(p => (p, 0)));
        foreach (var (label, text, level) in Tasks)
        {
            var parts = Text.Paragraphs.Of(text);
            if (parts.Count == 0)
            {
                parts = [string.Empty];
            }

            paragraphs.Add(($"{label} {parts[0]}".TrimEnd(), level));
            paragraphs.AddRange(parts.Skip(1).Select(p => (p, level)));
        }

        paragraphs.AddRange(Text.Paragraphs.Of(Closing).Select(p => (p, 0)));
        return paragraphs;
    }

    /// <summary>Every line ends with a comma but the last, which ends with a full stop (the samples' "Nơi nhận" and "Kính gửi").</summary>
    private static List<string> EndWithFullStop(List<string> lines)
    {
        if (lines.Count > 0 && lines[^1].EndsWith(','))
        {
            lines[^1] = lines[^1][..^1] + ".";
        }

        return lines;
    }

    /// <summary>The printed form of a directive the viewer may see, or null.</summary>
    public static async Task<PrintedDirective?> LoadAsync(AppDbContext db, Viewer viewer, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        var directive = await db.Directives.AsNoTracking()
            .VisibleTo(db, viewer)
            .Include(d => d.Recipients)
            .Include(d => d.Tasks)
            .Include(d => d.Distribution)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (directive is null)
        {
            return null;
        }

        var issuer = await db.Organizations.AsNoTracking().Include(o => o.Parent).SingleAsync(o => o.Id == directive.IssuerId, cancellationToken);
        return From(directive, issuer.Name, issuer.Parent?.HeaderAbove(issuer, directive.IssuedOn ?? today), issuer.SymbolCode);
    }

    public static PrintedDirective From(Directive directive, string issuerName, string? parentBody, string symbolCode)
    {
        var type = DocumentType.Find(directive.DocumentType);
        var number = directive.Number ?? $"      -{directive.DocumentType}/{symbolCode}";
        var date = directive.IssuedOn is { } issued
            ? VietnamTime.DateLine(directive.Place, issued)
            : $"{directive.Place}, ngày    tháng    năm     ";
        var tasks = new List<(string, string, int)>();
        foreach (var (task, subtasks) in directive.TaskTree())
        {
            // The text as written, plus a receipt span (see DeadlineSuffix).
            tasks.Add(($"{task.Label}.", task.Text + DeadlineSuffix(task), 0));
            tasks.AddRange(subtasks.Select(s => ("-", s.Text + DeadlineSuffix(s), 1)));
        }

        return new PrintedDirective(
            directive.ParentBodyName ?? parentBody,
            directive.IssuerName ?? issuerName,
            $"Số {number}",
            date,
            type is { IsOfficialLetter: false } ? type.PrintedTitle : null,
            type is { IsOfficialLetter: true } ? $"V/v {directive.Subject}" : directive.Subject,
            directive.Urgency switch
            {
                Urgency.Khan => "KHẨN",
                Urgency.ThuongKhan => "THƯỢNG KHẨN",
                Urgency.HoaToc => "HỎA TỐC",
                _ => null,
            },
            directive.Confidentiality switch
            {
                Confidentiality.Mat => "MẬT",
                Confidentiality.ToiMat => "TỐI MẬT",
                Confidentiality.TuyetMat => "TUYỆT MẬT",
                _ => null,
            },
            directive.Recipients.OrderBy(r => r.Position).Select(r => r.Text).ToList(),
            directive.Preamble,
            tasks,
            directive.Closing,
            EndWithFullStop(directive.Distribution.OrderBy(d => d.Position).Select(DistributionLine).ToList()),
            directive.Signer.AuthorityLine,
            directive.Signer.Position,
            directive.Signer.Name,
            directive.IsDraft);
    }

    // A span counted from receipt is printed as the document says it ("trong 10 ngày làm việc kể từ ngày nhận văn
    // bản"): each recipient's date differs, so the text must carry the rule. A date the drafter did not write is not added.
    private static string DeadlineSuffix(DirectiveTask task) => task switch
    {
        { DeadlineAfterReceipt: { } span } when !task.Text.Contains("kể từ ngày nhận", StringComparison.OrdinalIgnoreCase)
            => $" (hoàn thành {span.ToText()})",
        _ => string.Empty,
    };

    private static string DistributionLine(DistributionEntry entry) => entry.Purpose switch
    {
        null => $"- {entry.Text},",
        var p when p.Equals("Lưu", StringComparison.OrdinalIgnoreCase) => $"- Lưu: {entry.Text}.",
        var p => $"- {entry.Text} ({p}),",
    };
}
