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

    public Notification(Guid organizationId, NotificationKind kind, string title, NoticeTarget target, Guid? directiveId, Guid? taskAssignmentId, DateTime createdAtUtc, string? dedupKey = null, Guid? userId = null)
    {
        UserId = userId;
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

    /// <summary>
    /// A personal notice (to a task's handler, or their substitute) is seen by that user of the unit only; null: the
    /// whole unit sees it.
    /// </summary>
    public Guid? UserId { get; private set; }

    /// <summary>The notices <paramref name="userId"/> of <paramref name="organizationId"/> sees: the unit's and their own.</summary>
    public static System.Linq.Expressions.Expression<Func<Notification, bool>> SeenBy(Guid organizationId, Guid userId) =>
        n => n.OrganizationId == organizationId && (n.UserId == null || n.UserId == userId);

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
