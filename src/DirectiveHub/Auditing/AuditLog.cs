using System.Text;
using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Auditing;

/// <summary>The audit log as administrators read it: the page, its CSV export and GET /api/admin/audit.</summary>
public static class AuditLog
{
    /// <summary>Audit events of the administrator's subtree (and their own), newest first.</summary>
    public static IQueryable<AuditRow> Query(AppDbContext db, Viewer viewer, Guid? userId, Guid? organizationId, string? entityType, DateOnly? from, DateOnly? to)
    {
        var units = db.Organizations.VisibleTo(viewer).Select(o => o.Id);
        var events = db.AuditEvents.AsNoTracking().Where(e => e.OrganizationId != null && units.Contains(e.OrganizationId.Value));
        if (userId is { } u)
        {
            events = events.Where(e => e.UserId == u);
        }

        if (organizationId is { } o)
        {
            events = events.Where(e => e.OrganizationId == o);
        }

        if (!string.IsNullOrWhiteSpace(entityType))
        {
            events = events.Where(e => e.EntityType == entityType);
        }

        if (from is { } f)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(f.ToDateTime(TimeOnly.MinValue), VietnamTime.Zone);
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (to is { } t)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Zone);
            events = events.Where(e => e.OccurredAt < end);
        }

        return events.OrderByDescending(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.OccurredAt, e.Action, e.EntityType, e.EntityId, e.UserName, e.OrganizationId, e.IpAddress, e.Details, e.OnBehalfOfName,
                // The person's name as the user list shows it today; the e-mail stored with the event stays beside it.
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault()));
    }

    // A cell starting with = + - @ is a formula to a spreadsheet; a user-typed name must never run as one.
    private static string NoFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;

    public static string Csv(IEnumerable<AuditRow> rows)
    {
        var text = new StringBuilder("Thời điểm,Hành động,Đối tượng,Mã đối tượng,Người thực hiện,Thay cho,Đơn vị,Địa chỉ IP,Chi tiết\n");
        foreach (var r in rows)
        {
            text.AppendLine(string.Join(',', new[] { VietnamTime.ShortDateTime(r.OccurredAt), r.Action, r.EntityType, r.EntityId ?? "", r.UserName ?? "", r.OnBehalfOf ?? "", r.OrganizationId?.ToString() ?? "", r.IpAddress ?? "", r.Details ?? "" }.Select(NoFormula).Select(OrganizationCsv.Quote)));
        }

        return text.ToString();
    }
}
