using DirectiveHub.Calendar;
using DirectiveHub.Time;

namespace DirectiveHub.Assignments;

/// <summary>One task of a published directive as carried out by one responsible unit (lead or coordinator).</summary>
public sealed class TaskAssignment
{
    private readonly List<ProgressReport> _reports = [];

    private TaskAssignment()
    {
    }

    internal TaskAssignment(Guid directiveId, Guid taskId, Guid organizationId, AssignmentRole role, DateOnly? deadline, ReceiptDeadline? deadlineAfterReceipt = null)
    {
        DirectiveId = directiveId;
        TaskId = taskId;
        OrganizationId = organizationId;
        Role = role;
        Deadline = deadlineAfterReceipt is null ? deadline : null;
        DaysAfterReceipt = deadlineAfterReceipt?.Days;
        CountsWorkingDays = deadlineAfterReceipt?.WorkingDays ?? false;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    /// <summary>For queries (<see cref="TaskAssignmentState"/> reads the directive's status); not loaded by default.</summary>
    public Directives.Directive? Directive { get; private set; }

    public Guid TaskId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public AssignmentRole Role { get; private set; }

    /// <summary>
    /// The deadline in force. Copied from the task at publication when the task names a date; for a span after receipt
    /// it stays empty until the unit receives the directive (<see cref="FixDeadlineFromReceipt"/>). A superseding
    /// directive may move it.
    /// </summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>The task's span after receipt, copied at publication (a published directive never changes).</summary>
    public int? DaysAfterReceipt { get; private set; }

    public bool CountsWorkingDays { get; private set; }

    /// <summary>The Vietnam date the clock started from: the acknowledgment, or the delivery when none came in time.</summary>
    public DateOnly? ReceivedOn { get; private set; }

    public ReceiptDeadline? DeadlineAfterReceipt => DaysAfterReceipt is { } days ? new ReceiptDeadline(days, CountsWorkingDays) : null;

    /// <summary>A span after receipt whose start is not known yet: "Hạn tính từ ngày nhận: chưa xác định".</summary>
    public bool IsDeadlinePending => DaysAfterReceipt is not null && ReceivedOn is null;

    public ProgressStatus Status { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public DateTime? LastReportAt { get; private set; }

    /// <summary>
    /// When the overdue sweep sent this assignment's overdue notices; cleared when its deadline moves. It triggers
    /// notices only: whether the assignment is overdue is <see cref="TaskAssignmentState"/>'s to say.
    /// </summary>
    public DateTime? OverdueFlaggedAt { get; private set; }

    public bool IsDone => Status is ProgressStatus.Done or ProgressStatus.DoneLate;

    public IReadOnlyList<ProgressReport> Reports => _reports;

    /// <summary>Whether the deadline has passed at <paramref name="nowUtc"/> without the work being done.</summary>
    public bool IsLateAt(DateTime nowUtc) =>
        !IsDone && Deadline is { } deadline && nowUtc >= VietnamTime.LateFromUtc(deadline);

    /// <summary>
    /// Records a progress report. Acknowledgment of the directive must come first; a note is required for done and
    /// blocked; done after the deadline is recorded as done late.
    /// </summary>
    public ProgressReport Report(Assignment receipt, ProgressStatus status, string? note, Guid userId, DateTime nowUtc, Guid? idempotencyKey = null)
    {
        if (receipt.DirectiveId != DirectiveId || receipt.OrganizationId != OrganizationId)
        {
            throw new InvalidOperationException("The receipt belongs to another directive or unit.");
        }

        if (!receipt.IsAcknowledged)
        {
            throw new DomainException("Cần xác nhận đã nhận văn bản trước khi báo cáo tiến độ.");
        }

        if (status == ProgressStatus.DoneLate)
        {
            throw new DomainException("Trạng thái \"hoàn thành trễ hạn\" do hệ thống xác định.");
        }

        if (status is ProgressStatus.Done or ProgressStatus.Blocked && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Cần ghi nội dung khi báo cáo đã hoàn thành hoặc gặp vướng mắc.");
        }

        if (status == ProgressStatus.Done && Deadline is { } deadline && nowUtc >= VietnamTime.LateFromUtc(deadline))
        {
            status = ProgressStatus.DoneLate;
        }

        var report = new ProgressReport(status, note, userId, nowUtc, idempotencyKey);
        _reports.Add(report);
        Status = status;
        LastReportAt = nowUtc;
        CompletedAt = IsDone ? nowUtc : null;
        return report;
    }

    /// <summary>Flags the assignment as overdue once; returns false when there is nothing to flag.</summary>
    public bool MarkOverdue(DateTime nowUtc)
    {
        if (OverdueFlaggedAt is not null || !IsLateAt(nowUtc))
        {
            return false;
        }

        OverdueFlaggedAt = nowUtc;
        return true;
    }

    /// <summary>
    /// Starts the clock of a deadline counted from receipt, once: the deadline in force becomes the date
    /// <see cref="DaysAfterReceipt"/> (working or calendar) days after <paramref name="receivedOn"/>.
    /// </summary>
    /// <returns>True when this call fixed the deadline; false when it had no span after receipt or was fixed before.</returns>
    public bool FixDeadlineFromReceipt(DateOnly receivedOn, WorkingCalendar calendar)
    {
        if (DeadlineAfterReceipt is not { } span || ReceivedOn is not null)
        {
            return false;
        }

        ReceivedOn = receivedOn;
        Deadline = span.DueFrom(receivedOn, calendar);
        return true;
    }

    /// <summary>The unit was dissolved or merged: its open work passes to the unit that took over.</summary>
    public void TransferTo(Guid successorId)
    {
        if (IsDone)
        {
            throw new InvalidOperationException("Finished work stays with the unit that did it.");
        }

        OrganizationId = successorId;
    }

    /// <summary>A superseding directive moved the deadline: an overdue flag that no longer holds is cleared.</summary>
    public void MoveDeadline(DateOnly? deadline, DateTime nowUtc)
    {
        Deadline = deadline;
        if (OverdueFlaggedAt is not null && !IsLateAt(nowUtc))
        {
            OverdueFlaggedAt = null;
        }
    }
}
