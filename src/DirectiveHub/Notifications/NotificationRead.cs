namespace DirectiveHub.Notifications;

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
