namespace DirectiveHub.Directives;

/// <summary>A coordinating unit ("đơn vị phối hợp") of a task.</summary>
public sealed class TaskCoordinator
{
    private TaskCoordinator()
    {
    }

    internal TaskCoordinator(Guid organizationId, int position)
    {
        OrganizationId = organizationId;
        Position = position;
    }

    public Guid TaskId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public int Position { get; private set; }
}
