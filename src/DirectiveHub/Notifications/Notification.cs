namespace DirectiveHub.Notifications;

public enum NotificationKind
{
    /// <summary>A directive was published to the unit.</summary>
    NewDirective,

    /// <summary>A unit reported on a task the organization issued.</summary>
    Report,

    /// <summary>A deadline is near.</summary>
    Reminder,

    /// <summary>A task became overdue.</summary>
    Overdue,

    /// <summary>The weekly list of overdue items in a leader's subtree.</summary>
    Digest,

    /// <summary>The issuer urged the unit (đôn đốc).</summary>
    Urging,

    /// <summary>The issuer accepted or returned the unit's result.</summary>
    Review,

    /// <summary>An extension was requested (to the issuer) or decided (to the unit).</summary>
    Extension,

    /// <summary>The issuer cancelled the unit's task, or the unit refused it (to the issuer).</summary>
    Cancellation,
}

/// <summary>
/// An in-app notice to every user of an organization; each user marks it read for themselves
/// (<see cref="NotificationRead"/>), so one row serves a whole unit.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
        Title = null!;
        Link = null!;
    }

    public Notification(Guid organizationId, NotificationKind kind, string title, string link, Guid? directiveId, Guid? taskAssignmentId, DateTime createdAtUtc, string? dedupKey = null)
    {
        DedupKey = dedupKey;
        OrganizationId = organizationId;
        Kind = kind;
        Title = title.Length > 500 ? title[..500] : title;
        Link = link;
        DirectiveId = directiveId;
        TaskAssignmentId = taskAssignmentId;
        CreatedAt = createdAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>The page the notice leads to ("/Inbox/Directive/…").</summary>
    public string Link { get; private set; }

    public Guid? DirectiveId { get; private set; }

    public Guid? TaskAssignmentId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// For notices a job writes ("overdue:{task assignment}:unit"): a unique key, so that however many sweeps or
    /// instances run, each notice exists once.
    /// </summary>
    public string? DedupKey { get; private set; }
}

public sealed class NotificationRead
{
    private NotificationRead()
    {
    }

    public NotificationRead(Guid notificationId, Guid userId, DateTime readAtUtc)
    {
        NotificationId = notificationId;
        UserId = userId;
        ReadAt = readAtUtc;
    }

    public Guid NotificationId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime ReadAt { get; private set; }
}
