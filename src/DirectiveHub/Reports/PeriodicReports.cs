using System.Text.Json;
using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Registers;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Reports;

/// <summary>
/// The periodic report "Báo cáo tình hình thực hiện văn bản chỉ đạo" of a unit for a month, quarter, half-year or
/// year: computed live for the screen, frozen into a stored snapshot ("Chốt số liệu") that later changes never alter,
/// and issued as a numbered BC document to the level above. Who may read a unit's reports is who may see the unit.
/// </summary>
public sealed class PeriodicReports(AppDbContext db, TimeProvider clock, DirectivePublisher publisher)
{
    /// <summary>The most task assignments one report reads: a province's year stays well below it.</summary>
    public const int MaxTasks = 200_000;

    /// <summary>The report as the data stand now (as of the period's end, or today while it runs); null when the unit is not visible.</summary>
    public async Task<PeriodicReportContent?> ComputeAsync(Viewer viewer, Guid organizationId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var unit = await db.Organizations.AsNoTracking().VisibleTo(viewer).Where(o => o.Id == organizationId)
            .Select(o => new { o.Id, o.Name, o.Path, o.Place, Parent = o.Parent != null ? o.Parent.Name : null })
            .SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var today = VietnamTime.Today(clock);
        var asOf = period.To < today ? period.To : today;
        var startUtc = VietnamTime.LateFromUtc(period.From.AddDays(-1));
        var endUtc = VietnamTime.LateFromUtc(period.To);
        var asOfEndUtc = VietnamTime.LateFromUtc(asOf);
        var visible = db.Directives.VisibleTo(db, viewer).Select(d => d.Id);
        var path = unit.Path;

        // Everything that can appear: assigned by the period's end and not already finished before it began.
        var rows = await db.TaskAssignments.AsNoTracking()
            .Join(db.Organizations, t => t.OrganizationId, o => o.Id, (t, o) => new { Task = t, Unit = o })
            .Where(x => x.Unit.Path.StartsWith(path))
            .Join(db.Directives, x => x.Task.DirectiveId, d => d.Id, (x, d) => new { x.Task, x.Unit, Directive = d })
            .Where(x => visible.Contains(x.Directive.Id) && x.Directive.IssuedOn <= period.To)
            .Where(x => !(x.Task.CompletedAt < startUtc && (x.Task.Status == ProgressStatus.Done || x.Task.Status == ProgressStatus.DoneLate)))
            .Join(db.DirectiveTasks, x => x.Task.TaskId, k => k.Id, (x, k) => new
            {
                x.Task.OrganizationId,
                UnitName = x.Unit.Name,
                UnitPath = x.Unit.Path,
                x.Directive.Number,
                x.Directive.IssuedOn,
                x.Directive.DocumentType,
                x.Directive.Subject,
                DirectiveStatus = x.Directive.Status,
                k.Label,
                k.Text,
                k.Position,
                x.Task.Deadline,
                x.Task.Status,
                x.Task.CompletedAt,
                x.Task.SubmittedAt,
            })
            .OrderBy(x => x.IssuedOn).ThenBy(x => x.Number).ThenBy(x => x.Position).ThenBy(x => x.UnitPath)
            .Take(MaxTasks)
            .ToListAsync(cancellationToken);

        var lines = rows.Select(r =>
        {
            var done = AcceptedResults.IsDoneBefore(r.Status, r.CompletedAt, asOfEndUtc);
            // The state at the period's end: work finished later was still unfinished then, and a result submitted by
            // then and accepted later (or not yet) was waiting for the issuer, which the one rule never counts overdue.
            var waiting = !done && r.SubmittedAt < asOfEndUtc && r.Status is ProgressStatus.AwaitingConfirmation or ProgressStatus.Done or ProgressStatus.DoneLate;
            var state = done
                ? (AcceptedResults.IsLate(r.Status) ? Bucket.DoneLate : Bucket.DoneOnTime)
                : TaskAssignmentState.Of(waiting ? ProgressStatus.AwaitingConfirmation : ProgressStatus.InProgress, r.Deadline, r.DirectiveStatus, asOf) switch
                {
                    TaskState.Closed => Bucket.Cancelled,
                    TaskState.Overdue => Bucket.Overdue,
                    _ => waiting ? Bucket.AwaitingConfirmation : Bucket.Open,
                };
            var line = new ReportTaskLine(
                r.Number ?? string.Empty,
                r.IssuedOn,
                RegisterBook.TypeAndSubject(r.DocumentType, r.Subject),
                Shorten($"{r.Label}. {r.Text}"),
                r.UnitName,
                r.Deadline,
                StateText(state),
                done ? DateOnly.FromDateTime(VietnamTime.ToVietnam(r.CompletedAt!.Value)) : null);
            var assigned = r.IssuedOn >= period.From;
            var doneInPeriod = done && r.CompletedAt >= startUtc;
            var dueInPeriod = r.Deadline >= period.From && r.Deadline <= period.To;
            return (r.OrganizationId, r.UnitName, r.UnitPath, State: state, Line: line, Assigned: assigned, DoneInPeriod: doneInPeriod, DueInPeriod: dueInPeriod);
        }).ToList();

        var assignedLines = lines.Where(l => l.Assigned).ToList();
        var units = assignedLines
            .GroupBy(l => (l.OrganizationId, l.UnitName, l.UnitPath))
            .OrderBy(g => g.Key.UnitPath, StringComparer.Ordinal)
            .Select(g => Figures(g.Key.OrganizationId, g.Key.UnitName, g.Select(l => l.State)))
            .ToList();
        return new PeriodicReportContent(
            unit.Id,
            unit.Name,
            unit.Parent,
            unit.Place,
            period.Code,
            period.Title,
            period.From,
            period.To,
            asOf,
            units,
            Figures(null, "Tổng cộng", assignedLines.Select(l => l.State)),
            assignedLines.Select(l => l.Line).ToList(),
            lines.Where(l => l.DoneInPeriod).Select(l => l.Line).ToList(),
            lines.Where(l => l.DueInPeriod).Select(l => l.Line).ToList(),
            lines.Where(l => l.State is Bucket.Open or Bucket.Overdue or Bucket.AwaitingConfirmation).Select(l => l.Line).ToList());
    }

    /// <summary>"Chốt số liệu": computes the report once more and stores it, figures and lists, as it stands.</summary>
    public async Task<PeriodicReport?> FreezeAsync(Viewer viewer, Actor actor, Guid organizationId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var content = await ComputeAsync(viewer, organizationId, period, cancellationToken);
        if (content is null)
        {
            return null;
        }

        var name = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken) ?? actor.UserName ?? string.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new PeriodicReport(content, actor.UserId, name, now);
        db.PeriodicReports.Add(report);
        Audit(AuditActions.ReportFrozen, report.Id, new { Period = period.Code, Unit = content.OrganizationName, Assigned = content.Total.Assigned }, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>A frozen report, or null when it does not exist or its unit is not visible to the viewer.</summary>
    public async Task<PeriodicReport?> GetAsync(Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var units = db.Organizations.VisibleTo(viewer).Select(o => o.Id);
        return await db.PeriodicReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && units.Contains(r.OrganizationId), cancellationToken);
    }

    public async Task<IReadOnlyList<FrozenReportRow>> FrozenAsync(Viewer viewer, Guid organizationId, CancellationToken cancellationToken)
    {
        var units = db.Organizations.VisibleTo(viewer).Select(o => o.Id);
        return await db.PeriodicReports.AsNoTracking()
            .Where(r => r.OrganizationId == organizationId && units.Contains(r.OrganizationId))
            .OrderByDescending(r => r.FrozenAt)
            .Take(500)
            .Select(r => new FrozenReportRow(r.Id, r.PeriodCode, r.FrozenAt, r.FrozenByName, r.Number, r.IssuedOn))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Issues the frozen report as a BC document of its unit, numbered from the unit's BC register and sent to the
    /// level above; only the unit's own clerks issue. The report itself stays as it was frozen.
    /// </summary>
    /// <returns>The report, or null when it is not the viewer's to issue.</returns>
    public async Task<PeriodicReport?> IssueAsync(Viewer viewer, Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var report = await db.PeriodicReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !viewer.IsClerk || report.OrganizationId != viewer.OrganizationId)
        {
            return null;
        }

        if (report.DirectiveId is not null)
        {
            throw new DomainException($"Báo cáo đã được ban hành với số {report.Number}.");
        }

        var unit = await db.Organizations.SingleAsync(o => o.Id == report.OrganizationId, cancellationToken);
        var parent = unit.ParentId is { } parentId ? await db.Organizations.SingleAsync(o => o.Id == parentId, cancellationToken) : null;
        if (parent is null)
        {
            throw new DomainException("Đơn vị không có cấp trên để gửi báo cáo.");
        }

        // Signed as the unit's documents are signed; a unit that has signed nothing yet drafts its report in the editor.
        var signing = await LastSigning.OfAsync(db, unit.Id, cancellationToken)
            ?? throw new DomainException("Đơn vị chưa có văn bản nào có người ký: hãy soạn báo cáo trong trình soạn thảo để ghi người ký.");
        var content = report.Content;
        var now = clock.GetUtcNow().UtcDateTime;
        var t = content.Total;
        var draft = new Directive(unit.Id, new DirectiveContent
        {
            DocumentType = "BC",
            Subject = $"tình hình thực hiện văn bản chỉ đạo {content.PeriodTitle}",
            Recipients = [new(parent.Id, parent.Name)],
            Preamble = $"Số liệu chốt ngày {VietnamTime.ShortDateTime(report.FrozenAt)}: giao {t.Assigned} nhiệm vụ; hoàn thành đúng hạn {t.DoneOnTime}, hoàn thành trễ hạn {t.DoneLate}; đang thực hiện trong hạn {t.OpenInTime}, quá hạn {t.OpenOverdue}; chờ xác nhận kết quả {t.AwaitingConfirmation}; dừng, hủy {t.Cancelled}.",
            Distribution = [new(parent.Name, "để báo cáo"), .. signing.FileCopies is { Count: > 0 } kept ? kept : [FileCopy.DefaultFor(unit.Kind, unit.SymbolCode)]],
            Signer = signing.Signer,
        }, actor.UserId, now);
        db.Directives.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        var published = await publisher.PublishAsync(draft.Id, null, actor, cancellationToken);

        db.ChangeTracker.Clear();
        report = await db.PeriodicReports.SingleAsync(r => r.Id == id, cancellationToken);
        report.RecordIssued(published.Id, published.Number, published.IssuedOn);
        Audit(AuditActions.ReportIssued, report.Id, new { published.Number, Period = report.PeriodCode }, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private enum Bucket
    {
        Open,
        Overdue,
        DoneOnTime,
        DoneLate,
        Cancelled,
        AwaitingConfirmation,
    }

    private static ReportUnitFigures Figures(Guid? organizationId, string unit, IEnumerable<Bucket> states)
    {
        var list = states.ToList();
        return new ReportUnitFigures(
            organizationId,
            unit,
            list.Count,
            list.Count(s => s == Bucket.DoneOnTime),
            list.Count(s => s == Bucket.DoneLate),
            list.Count(s => s == Bucket.Open),
            list.Count(s => s == Bucket.Overdue),
            list.Count(s => s == Bucket.Cancelled),
            list.Count(s => s == Bucket.AwaitingConfirmation));
    }

    private static string StateText(Bucket state) => state switch
    {
        Bucket.DoneOnTime => "Hoàn thành đúng hạn",
        Bucket.DoneLate => "Hoàn thành trễ hạn",
        Bucket.Overdue => "Quá hạn",
        Bucket.Cancelled => "Dừng, hủy",
        Bucket.AwaitingConfirmation => "Chờ xác nhận kết quả",
        _ => "Đang thực hiện trong hạn",
    };

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 299), "…");

    private void Audit(string action, Guid reportId, object details, Actor actor, DateTime now) =>
        db.AuditEvents.Add(new AuditEvent(action, nameof(PeriodicReport), reportId.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, JsonSerializer.Serialize(details), now));
}
