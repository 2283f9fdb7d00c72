using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Registers;

/// <summary>
/// The registers of a unit, read from what DirectiveHub records: the outgoing register from the unit's published
/// directives, the incoming register from its receipts with their arrival numbers, the follow-up register from its
/// task assignments. The same rows feed the page, the print view, the workbook and the API. A unit's registers are
/// read by those who see the unit (<see cref="VisibilityQueries"/>), and only the directives they may see are listed.
/// </summary>
public sealed class RegisterBook(AppDbContext db, TimeProvider clock)
{
    /// <summary>The most rows one read returns: a year of a busy office fits; beyond that the clerk narrows the dates.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The units whose registers the viewer may read: their own, and for committees the units beneath.</summary>
    public async Task<IReadOnlyList<RegisterUnit>> UnitsAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().VisibleTo(viewer)
            .OrderBy(o => o.Path)
            .Select(o => new RegisterUnit(o.Id, o.Name, o.Path, o.Parent != null ? o.Parent.Name : null))
            .Take(MaxRows)
            .ToListAsync(cancellationToken);

    /// <summary>The unit, or null when the viewer may not read its registers (answered as "not found").</summary>
    public Task<RegisterUnit?> UnitAsync(Viewer viewer, Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking().VisibleTo(viewer)
            .Where(o => o.Id == organizationId)
            .Select(o => new RegisterUnit(o.Id, o.Name, o.Path, o.Parent != null ? o.Parent.Name : null))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<RegisterPage<OutgoingRegisterRow>> OutgoingAsync(Viewer viewer, Guid organizationId, RegisterPeriod period, int skip, int take, CancellationToken cancellationToken)
    {
        var query = db.Directives.AsNoTracking().VisibleTo(db, viewer)
            .Where(d => d.IssuerId == organizationId && d.Status != DirectiveStatus.Draft && d.IssuedOn >= period.From && d.IssuedOn <= period.To);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(d => d.IssuedOn).ThenBy(d => d.PublishedAt).ThenBy(d => d.Sequence)
            .Skip(skip).Take(Math.Min(take, MaxRows))
            .Select(d => new
            {
                d.Id,
                d.Number,
                d.IssuedOn,
                d.DocumentType,
                d.Subject,
                d.Signer,
                d.Status,
                d.Urgency,
                d.Confidentiality,
                Recipients = d.Recipients.OrderBy(r => r.Position).Select(r => r.Text).ToList(),
                Distribution = d.Distribution.OrderBy(e => e.Position).Select(e => new { e.Text, e.Purpose }).ToList(),
                ReplacedBy = db.Directives.Where(n => n.SupersedesId == d.Id && n.Number != null).Select(n => n.Number).FirstOrDefault(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new RegisterPage<OutgoingRegisterRow>(
            rows.Select(r =>
            {
                var fileCopy = r.Distribution.FirstOrDefault(e => string.Equals(e.Purpose, "Lưu", StringComparison.OrdinalIgnoreCase))?.Text;
                // The copies made: one per line of "Kính gửi" and "Nơi nhận" (a "Như kính gửi" line repeats the
                // addressees and makes none of its own), the file copy included.
                var copies = r.Recipients.Count + r.Distribution.Count(e => !e.Text.StartsWith("Như ", StringComparison.OrdinalIgnoreCase));
                return new OutgoingRegisterRow(
                    r.Id,
                    r.Number ?? string.Empty,
                    r.IssuedOn!.Value,
                    r.DocumentType,
                    TypeAndSubject(r.DocumentType, r.Subject),
                    SignerText(r.Signer),
                    r.Recipients,
                    fileCopy,
                    copies,
                    Notes(r.Status, r.ReplacedBy, r.Urgency, r.Confidentiality));
            }).ToList(),
            total);
    }

    public async Task<RegisterPage<IncomingRegisterRow>> IncomingAsync(Viewer viewer, Guid organizationId, RegisterPeriod period, int skip, int take, CancellationToken cancellationToken)
    {
        var visible = db.Directives.VisibleTo(db, viewer).Select(d => d.Id);
        var query = Arrivals(organizationId, period).Where(a => visible.Contains(a.DirectiveId));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(a => a.ArrivalYear).ThenBy(a => a.ArrivalNumber)
            .Skip(skip).Take(Math.Min(take, MaxRows))
            .Join(db.Directives, a => a.DirectiveId, d => d.Id, (a, d) => new
            {
                d.Id,
                ArrivalNumber = a.ArrivalNumber!.Value,
                ArrivedAt = a.ArrivedAt!.Value,
                d.IssuerName,
                d.Number,
                d.IssuedOn,
                d.DocumentType,
                d.Subject,
                d.Status,
                d.Urgency,
                d.Confidentiality,
                a.AcknowledgedAt,
                Acknowledger = db.Users.Where(u => u.Id == a.AcknowledgedById).Select(u => u.FullName).FirstOrDefault(),
                Leads = db.TaskAssignments.Count(t => t.DirectiveId == d.Id && t.OrganizationId == organizationId && t.Role == AssignmentRole.Lead),
                Coordinates = db.TaskAssignments.Count(t => t.DirectiveId == d.Id && t.OrganizationId == organizationId && t.Role == AssignmentRole.Coordinator),
                ReplacedBy = db.Directives.Where(n => n.SupersedesId == d.Id && n.Number != null).Select(n => n.Number).FirstOrDefault(),
            })
            .OrderBy(r => r.ArrivedAt).ThenBy(r => r.ArrivalNumber)
            .ToListAsync(cancellationToken);
        return new RegisterPage<IncomingRegisterRow>(
            rows.Select(r =>
            {
                var notes = new List<string>();
                if (r.Leads > 0)
                {
                    notes.Add($"Chủ trì {r.Leads} nhiệm vụ");
                }

                if (r.Coordinates > 0)
                {
                    notes.Add($"Phối hợp {r.Coordinates} nhiệm vụ");
                }

                if (r.AcknowledgedAt is null)
                {
                    notes.Add("Chưa xác nhận đã nhận");
                }

                if (Notes(r.Status, r.ReplacedBy, r.Urgency, r.Confidentiality) is { } more)
                {
                    notes.Add(more);
                }

                return new IncomingRegisterRow(
                    r.Id,
                    r.ArrivalNumber,
                    r.ArrivedAt,
                    r.IssuerName ?? string.Empty,
                    r.Number ?? string.Empty,
                    r.IssuedOn!.Value,
                    r.DocumentType,
                    TypeAndSubject(r.DocumentType, r.Subject),
                    r.Acknowledger,
                    notes.Count > 0 ? string.Join("; ", notes) : null);
            }).ToList(),
            total);
    }

    public async Task<RegisterPage<FollowUpRegisterRow>> FollowUpAsync(Viewer viewer, Guid organizationId, RegisterPeriod period, int skip, int take, CancellationToken cancellationToken)
    {
        var visible = db.Directives.VisibleTo(db, viewer).Select(d => d.Id);
        var arrivals = Arrivals(organizationId, period).Where(a => visible.Contains(a.DirectiveId));
        var query = db.TaskAssignments.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId)
            .Join(arrivals, t => t.DirectiveId, a => a.DirectiveId, (t, a) => new { Task = t, Arrival = a });
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .Join(db.DirectiveTasks, x => x.Task.TaskId, k => k.Id, (x, k) => new { x.Task, x.Arrival, Spec = k })
            .Join(db.Directives, x => x.Task.DirectiveId, d => d.Id, (x, d) => new { x.Task, x.Arrival, x.Spec, Directive = d })
            .OrderBy(x => x.Arrival.ArrivalYear).ThenBy(x => x.Arrival.ArrivalNumber).ThenBy(x => x.Spec.ParentId != null).ThenBy(x => x.Spec.Position)
            .Skip(skip).Take(Math.Min(take, MaxRows))
            .Select(x => new
            {
                DirectiveId = x.Directive.Id,
                TaskAssignmentId = x.Task.Id,
                ArrivalNumber = x.Arrival.ArrivalNumber!.Value,
                x.Directive.Number,
                x.Directive.IssuedOn,
                x.Directive.DocumentType,
                x.Directive.Subject,
                DirectiveStatus = x.Directive.Status,
                x.Spec.Label,
                x.Spec.Text,
                x.Task.Role,
                x.Task.Deadline,
                DeadlinePending = x.Task.DaysAfterReceipt != null && x.Task.ReceivedOn == null,
                x.Task.Status,
                LastNote = x.Task.Reports.OrderByDescending(r => r.ReportedAt).Select(r => r.Note).FirstOrDefault(),
                Reporter = x.Task.Reports.OrderByDescending(r => r.ReportedAt).Select(r => db.Users.Where(u => u.Id == r.ReportedById).Select(u => u.FullName).FirstOrDefault()).FirstOrDefault(),
                Acknowledger = db.Users.Where(u => u.Id == x.Arrival.AcknowledgedById).Select(u => u.FullName).FirstOrDefault(),
                HandlerName = db.Users.Where(u => u.Id == x.Task.HandlerUserId).Select(u => u.FullName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var results = await AcceptedResults.ForAsync(db, rows.Select(r => r.TaskAssignmentId).ToList(), cancellationToken);
        var today = VietnamTime.Today(clock);
        return new RegisterPage<FollowUpRegisterRow>(
            rows.Select(r =>
            {
                var state = TaskStateText(r.Status, r.Deadline, r.DirectiveStatus, today);
                // The officer the unit named to handle it (người xử lý) is the register's "person assigned"; until one
                // is named, whoever last reported or received it.
                var person = r.HandlerName ?? r.Reporter ?? r.Acknowledger;
                var role = r.Role == AssignmentRole.Lead ? "Chủ trì" : "Phối hợp";
                var result = results.TryGetValue(r.TaskAssignmentId, out var found) ? found : ((string?)null, (DateOnly?)null);
                return new FollowUpRegisterRow(
                    r.DirectiveId,
                    r.TaskAssignmentId,
                    r.ArrivalNumber,
                    r.Number ?? string.Empty,
                    r.IssuedOn!.Value,
                    TypeAndSubject(r.DocumentType, r.Subject),
                    Shorten($"{r.Label}. {r.Text}", 300),
                    person is null ? role : $"{role}: {person}",
                    r.Deadline,
                    r.LastNote is { Length: > 0 } note ? $"{state}: {Shorten(note, 300)}" : state,
                    result.Item1,
                    result.Item2,
                    r.DeadlinePending ? "Hạn tính từ ngày nhận: chưa xác định" : null);
            }).ToList(),
            total);
    }

    /// <summary>The task slip of a directive as received by a unit; null when either is not the viewer's to see or the unit did not receive it.</summary>
    public async Task<TaskSlip?> TaskSlipAsync(Viewer viewer, Guid directiveId, Guid organizationId, CancellationToken cancellationToken)
    {
        var unit = await UnitAsync(viewer, organizationId, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var directive = await db.Directives.AsNoTracking().VisibleTo(db, viewer)
            .Where(d => d.Id == directiveId && d.Status != DirectiveStatus.Draft)
            .Select(d => new { d.Id, d.IssuerName, d.Number, d.IssuedOn, d.DocumentType, d.Subject })
            .SingleOrDefaultAsync(cancellationToken);
        var receipt = directive is null ? null : await db.Assignments.AsNoTracking()
            .Where(a => a.DirectiveId == directiveId && a.OrganizationId == organizationId)
            .Select(a => new { a.ArrivalNumber, a.ArrivedAt, a.Instruction, a.InstructedAt, InstructedBy = db.Users.Where(u => u.Id == a.InstructedById).Select(u => u.FullName).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (directive is null || receipt is null)
        {
            return null;
        }

        var place = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Place).SingleAsync(cancellationToken);
        var tasks = await db.DirectiveTasks.AsNoTracking().Where(t => t.DirectiveId == directiveId)
            .OrderBy(t => t.ParentId != null).ThenBy(t => t.Position)
            .Select(t => new { t.Id, t.ParentId, t.Position, t.Label, t.Text, t.Deadline })
            .ToListAsync(cancellationToken);
        var assignments = await db.TaskAssignments.AsNoTracking().Where(t => t.DirectiveId == directiveId)
            .Join(db.Organizations, t => t.OrganizationId, o => o.Id, (t, o) => new { t.TaskId, t.OrganizationId, t.Role, t.Deadline, o.Name })
            .ToListAsync(cancellationToken);
        var ordered = tasks.Where(t => t.ParentId is null).OrderBy(t => t.Position)
            .SelectMany(t => tasks.Where(s => s.ParentId == t.Id).OrderBy(s => s.Position).Prepend(t));
        var lines = ordered.Select(t =>
        {
            var mine = assignments.Where(a => a.TaskId == t.Id).ToList();
            var lead = mine.FirstOrDefault(a => a.Role == AssignmentRole.Lead);
            return new TaskSlipLine(
                t.Label,
                t.Text,
                lead?.Name,
                lead?.Deadline ?? t.Deadline,
                mine.Where(a => a.Role == AssignmentRole.Coordinator).Select(a => (a.Name, a.Deadline ?? t.Deadline)).ToList(),
                mine.Any(a => a.OrganizationId == organizationId));
        }).ToList();
        return new TaskSlip(
            directive.Id, unit.Name, unit.ParentName, place, receipt.ArrivalNumber, receipt.ArrivedAt, directive.IssuerName ?? string.Empty,
            directive.Number ?? string.Empty, directive.IssuedOn!.Value, TypeAndSubject(directive.DocumentType, directive.Subject), lines,
            receipt.Instruction, receipt.InstructedBy, receipt.InstructedAt);
    }

    private IQueryable<Assignment> Arrivals(Guid organizationId, RegisterPeriod period)
    {
        var fromUtc = period.FromUtc;
        var toUtc = period.ToUtcExclusive;
        return db.Assignments.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId && a.ArrivalNumber != null && a.ArrivedAt >= fromUtc && a.ArrivedAt < toUtc);
    }

    private static string TaskStateText(ProgressStatus status, DateOnly? deadline, DirectiveStatus directiveStatus, DateOnly today) =>
        TaskAssignmentState.Of(status, deadline, directiveStatus, today) switch
        {
            TaskState.DoneOnTime => "Hoàn thành đúng hạn",
            TaskState.DoneLate => "Hoàn thành trễ hạn",
            TaskState.Closed => "Đã dừng (văn bản không còn hiệu lực)",
            TaskState.Cancelled => "Đã hủy",
            TaskState.Overdue => "Quá hạn, " + TaskAssignment.StatusText(status),
            _ => "Trong hạn, " + TaskAssignment.StatusText(status),
        };

    /// <summary>"Công văn V/v …" or "Kế hoạch …": the type and subject column.</summary>
    public static string TypeAndSubject(string documentType, string subject)
    {
        var type = Directives.DocumentType.Find(documentType);
        if (type is null)
        {
            return subject;
        }

        return type.IsOfficialLetter ? $"{type.Name} V/v {subject}" : $"{type.Name} {subject}";
    }

    private static string SignerText(Signer signer)
    {
        var title = string.Join(" ", new[] { signer.AuthorityLine, signer.Position }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return string.Join(" – ", new[] { signer.Name, title.Length > 0 ? title : null }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    private static string? Notes(DirectiveStatus status, string? replacedBy, Urgency urgency, Confidentiality confidentiality)
    {
        var notes = new List<string>();
        if (status == DirectiveStatus.Withdrawn)
        {
            notes.Add("Đã thu hồi");
        }
        else if (status == DirectiveStatus.Superseded)
        {
            notes.Add(replacedBy is null ? "Đã bị thay thế" : $"Thay thế bởi văn bản số {replacedBy}");
        }

        notes.Add(urgency switch
        {
            Urgency.Khan => "Khẩn",
            Urgency.ThuongKhan => "Thượng khẩn",
            Urgency.HoaToc => "Hỏa tốc",
            _ => string.Empty,
        });
        notes.Add(confidentiality switch
        {
            Confidentiality.Mat => "Mật",
            Confidentiality.ToiMat => "Tối mật",
            Confidentiality.TuyetMat => "Tuyệt mật",
            _ => string.Empty,
        });
        notes.RemoveAll(n => n.Length == 0);
        return notes.Count > 0 ? string.Join("; ", notes) : null;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
