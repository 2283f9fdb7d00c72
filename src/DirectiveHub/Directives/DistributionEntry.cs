namespace DirectiveHub.Directives;

/// <summary>A line of "Nơi nhận", with its purpose ("để b/c", "Lưu").</summary>
public sealed class DistributionEntry
{
    private DistributionEntry()
    {
        Text = null!;
    }

    internal DistributionEntry(int position, string text, string? purpose)
    {
        Position = position;
        Text = text.Trim();
        Purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    public int Position { get; private set; }

    public string Text { get; private set; }

    public string? Purpose { get; private set; }
}
