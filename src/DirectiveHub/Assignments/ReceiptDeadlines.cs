using DirectiveHub.Calendar;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Assignments;

/// <summary>
/// Fixes the deadline in force of tasks counted from receipt ("trong 10 ngày làm việc kể từ ngày nhận được văn bản"):
/// at the unit's acknowledgment, or at delivery when the unit has not acknowledged in time. The clock never waits for
/// internal reading or forwarding (the Cao Bằng specification, 1400-CV/VPTU).
/// </summary>
public sealed class ReceiptDeadlines(AppDbContext db, WorkingCalendarService calendars, ReceiptDeadlineOptions options, ILogger<ReceiptDeadlines> logger)
{
    /// <summary>
    /// Within the caller's unit of work (the acknowledgment): the unit's pending tasks of the directive take their
    /// deadline from the acknowledgment date. The caller saves.
    /// </summary>
    public async Task<int> FixAtAcknowledgmentAsync(Assignment receipt, CancellationToken cancellationToken)
    {
        if (receipt.AcknowledgedAt is not { } acknowledgedAt)
        {
            return 0;
        }

        var pending = await db.TaskAssignments
            .Where(t => t.DirectiveId == receipt.DirectiveId && t.OrganizationId == receipt.OrganizationId && t.DaysAfterReceipt != null && t.ReceivedOn == null)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var calendar = await calendars.LoadAsync(cancellationToken);
        var receivedOn = ReceiptDeadline.ReceiptDate(acknowledgedAt);
        return pending.Count(t => t.FixDeadlineFromReceipt(receivedOn, calendar));
    }

    /// <summary>
    /// The job step run before each overdue sweep: every task still waiting for its unit's receipt takes the
    /// acknowledgment date when there is one (a unit named on a task acknowledges through its receipt), and the
    /// delivery date once <see cref="ReceiptDeadlineOptions.UnacknowledgedWorkingDays"/> working days have passed
    /// without one. Idempotent: a fixed deadline is never fixed again.
    /// </summary>
    /// <returns>How many task assignments got their deadline.</returns>
    public async Task<int> FixUnacknowledgedAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var pending = await db.TaskAssignments
            .Where(t => t.DaysAfterReceipt != null && t.ReceivedOn == null)
            .Join(
                db.Directives.Where(d => d.Status == DirectiveStatus.Published && d.PublishedAt != null),
                t => t.DirectiveId,
                d => d.Id,
                (t, d) => new
                {
                    Task = t,
                    DeliveredAt = d.PublishedAt!.Value,
                    AcknowledgedAt = db.Assignments.Where(a => a.DirectiveId == t.DirectiveId && a.OrganizationId == t.OrganizationId).Select(a => a.AcknowledgedAt).FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var calendar = await calendars.LoadAsync(cancellationToken);
        var today = ReceiptDeadline.ReceiptDate(nowUtc);
        var fixedCount = 0;
        foreach (var item in pending)
        {
            if (item.AcknowledgedAt is { } acknowledgedAt)
            {
                fixedCount += item.Task.FixDeadlineFromReceipt(ReceiptDeadline.ReceiptDate(acknowledgedAt), calendar) ? 1 : 0;
                continue;
            }

            var deliveredOn = ReceiptDeadline.ReceiptDate(item.DeliveredAt);
            if (today > calendar.AddWorkingDays(deliveredOn, Math.Max(0, options.UnacknowledgedWorkingDays)))
            {
                fixedCount += item.Task.FixDeadlineFromReceipt(deliveredOn, calendar) ? 1 : 0;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (fixedCount > 0)
        {
            logger.LogInformation("Deadlines counted from receipt fixed for {Count} task assignments as of {Today}", fixedCount, VietnamTime.ShortDate(today));
        }

        return fixedCount;
    }
}
