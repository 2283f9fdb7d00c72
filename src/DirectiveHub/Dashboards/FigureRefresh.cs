namespace DirectiveHub.Dashboards;

/// <summary>
/// A directive whose figures a saved write changed, queued in the write's own transaction (<see cref="Data.AppDbContext"/>
/// adds it), so that no write is missed; <see cref="TaskFigures.RefreshPendingAsync"/> recounts it and removes the row.
/// </summary>
public sealed class FigureRefresh
{
    private FigureRefresh()
    {
    }

    public FigureRefresh(Guid directiveId)
    {
        DirectiveId = directiveId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }
}
