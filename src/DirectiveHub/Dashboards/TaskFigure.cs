namespace DirectiveHub.Dashboards;

/// <summary>
/// The dashboards' summary: how many task assignments of directives of one issuer and type, assigned to one unit,
/// fall under one <see cref="FigureMeasure"/> on one day, month or year. Kept by <see cref="TaskFigures"/>; keyed by
/// unit ids rather than by the tree, so that moving a unit changes no row (the tree is joined when reading).
/// </summary>
public sealed class TaskFigure
{
    private TaskFigure()
    {
        DocumentType = null!;
    }

    public TaskFigure(Guid issuerId, Guid organizationId, string documentType, FigureMeasure measure, FigureGrain grain, DateOnly day)
    {
        IssuerId = issuerId;
        OrganizationId = organizationId;
        DocumentType = documentType;
        Measure = measure;
        Grain = grain;
        Day = day;
    }

    public Guid IssuerId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string DocumentType { get; private set; }

    public FigureMeasure Measure { get; private set; }

    public FigureGrain Grain { get; private set; }

    public DateOnly Day { get; private set; }

    public int Count { get; internal set; }
}
