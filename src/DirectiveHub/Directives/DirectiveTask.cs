using DirectiveHub.Calendar;

namespace DirectiveHub.Directives;

/// <summary>
/// A numbered task of a directive ("1.", then "(1)" or "-" beneath it; two levels). The lead unit ("chủ trì") and the
/// coordinating units ("phối hợp") each get a task assignment when the directive is published.
/// </summary>
public sealed class DirectiveTask
{
    private readonly List<TaskCoordinator> _coordinators = [];

    private DirectiveTask()
    {
        Label = null!;
        Text = null!;
    }

    internal DirectiveTask(Guid? parentId, int position, string label, string text, DateOnly? deadline, Guid? leadOrganizationId, IEnumerable<Guid> coordinatingOrganizationIds, ReceiptDeadline? deadlineAfterReceipt = null)
    {
        if (deadline is not null && deadlineAfterReceipt is not null)
        {
            throw new DomainException("Một nhiệm vụ chỉ có một loại thời hạn: một ngày cụ thể hoặc số ngày kể từ ngày nhận văn bản.");
        }

        if (deadlineAfterReceipt is { Days: < 1 or > ReceiptDeadline.MaxDays })
        {
            throw new DomainException($"Số ngày kể từ ngày nhận văn bản phải từ 1 đến {ReceiptDeadline.MaxDays}.");
        }

        DaysAfterReceipt = deadlineAfterReceipt?.Days;
        CountsWorkingDays = deadlineAfterReceipt?.WorkingDays ?? false;
        ParentId = parentId;
        Position = position;
        Label = label;
        Text = text.Trim();
        Deadline = deadline;
        LeadOrganizationId = leadOrganizationId;
        var order = 0;
        foreach (var organizationId in coordinatingOrganizationIds.Distinct().Where(id => id != leadOrganizationId))
        {
            _coordinators.Add(new TaskCoordinator(organizationId, order++));
        }
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>Order among all tasks of the directive, depth first.</summary>
    public int Position { get; private set; }

    /// <summary>"1", "2" at the top level; "1.1"-style labels beneath.</summary>
    public string Label { get; private set; }

    public string Text { get; private set; }

    /// <summary>A date in Vietnam time; late from the next day at 00:00 ICT.</summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>The other kind of deadline: a span after each unit's receipt (<see cref="DeadlineAfterReceipt"/>).</summary>
    public int? DaysAfterReceipt { get; private set; }

    public bool CountsWorkingDays { get; private set; }

    /// <summary>"trong 10 ngày làm việc kể từ ngày nhận văn bản"; null when the task has a date or no deadline.</summary>
    public ReceiptDeadline? DeadlineAfterReceipt => DaysAfterReceipt is { } days ? new ReceiptDeadline(days, CountsWorkingDays) : null;

    public Guid? LeadOrganizationId { get; private set; }

    public IReadOnlyList<TaskCoordinator> Coordinators => _coordinators;

    /// <summary>Every responsible unit with its role: the lead first, then the coordinators in order.</summary>
    public IEnumerable<(Guid OrganizationId, Assignments.AssignmentRole Role)> ResponsibleUnits()
    {
        if (LeadOrganizationId is { } lead)
        {
            yield return (lead, Assignments.AssignmentRole.Lead);
        }

        foreach (var coordinator in _coordinators.OrderBy(c => c.Position))
        {
            yield return (coordinator.OrganizationId, Assignments.AssignmentRole.Coordinator);
        }
    }
}
