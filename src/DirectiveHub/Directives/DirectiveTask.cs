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

    internal DirectiveTask(Guid? parentId, int position, string label, string text, DateOnly? deadline, Guid? leadOrganizationId, IEnumerable<Guid> coordinatingOrganizationIds)
    {
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
