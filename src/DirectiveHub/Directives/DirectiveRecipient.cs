namespace DirectiveHub.Directives;

/// <summary>A line of "Kính gửi", in order.</summary>
public sealed class DirectiveRecipient
{
    private DirectiveRecipient()
    {
        Text = null!;
    }

    internal DirectiveRecipient(int position, Guid? organizationId, string text)
    {
        Position = position;
        OrganizationId = organizationId;
        Text = text.Trim();
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    public int Position { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public string Text { get; private set; }
}
