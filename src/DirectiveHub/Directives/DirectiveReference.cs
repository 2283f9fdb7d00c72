namespace DirectiveHub.Directives;

/// <summary>
/// A document this one cites or carries out ("Thực hiện Chỉ thị số 06-CT/TU …"). Linked when the cited document is in
/// the system, so the cited directive can list the directives that carry it out.
/// </summary>
public sealed class DirectiveReference
{
    private DirectiveReference()
    {
    }

    internal DirectiveReference(int position, Guid? referencedDirectiveId, string? number)
    {
        Position = position;
        ReferencedDirectiveId = referencedDirectiveId;
        Number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    public int Position { get; private set; }

    public Guid? ReferencedDirectiveId { get; private set; }

    public string? Number { get; private set; }
}
