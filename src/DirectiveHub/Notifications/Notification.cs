namespace DirectiveHub.Notifications;

/// <summary>
/// An in-app notice to every user of an organization; each user marks it read for themselves
/// (<see cref="NotificationRead"/>), so one row serves a whole unit.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
        Title = null!;
    }

    public Notification(Guid organizationId, NotificationKind kind, string title, NoticeTarget target, Guid? directiveId, Guid? taskAssignmentId, DateTime createdAtUtc, string? dedupKey = null)
    {
        DedupKey = dedupKey;
        OrganizationId = organizationId;
        Kind = kind;
        Title = title.Length > 500 ? title[..500] : title;
        Target = target;
        DirectiveId = directiveId;
        TaskAssignmentId = taskAssignmentId;
        CreatedAt = createdAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>What the notice leads to, with <see cref="DirectiveId"/>.</summary>
    public NoticeTarget Target { get; private set; }

    public Guid? DirectiveId { get; private set; }

    public Guid? TaskAssignmentId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// For notices a job writes ("overdue:{task assignment}:unit"): a unique key, so that however many sweeps or
    /// instances run, each notice exists once.
    /// </summary>
    public string? DedupKey { get; private set; }
}
