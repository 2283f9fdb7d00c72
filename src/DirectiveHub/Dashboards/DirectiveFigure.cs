namespace DirectiveHub.Dashboards;

/// <summary>
/// What one directive's task assignments of one unit add to <see cref="TaskFigure"/>: the summary per directive and
/// unit. It is what a refresh subtracts before adding the directive's new figures, so it carries the issuer and type
/// it was counted under.
/// </summary>
public sealed class DirectiveFigure
{
    private DirectiveFigure()
    {
        DocumentType = null!;
    }

    public DirectiveFigure(Guid directiveId, Guid organizationId, FigureMeasure measure, DateOnly day, Guid issuerId, string documentType, int count)
    {
        DirectiveId = directiveId;
        OrganizationId = organizationId;
        Measure = measure;
        Day = day;
        IssuerId = issuerId;
        DocumentType = documentType;
        Count = count;
    }

    public Guid DirectiveId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public FigureMeasure Measure { get; private set; }

    public DateOnly Day { get; private set; }

    public Guid IssuerId { get; private set; }

    public string DocumentType { get; private set; }

    public int Count { get; private set; }

    internal void Recount(Guid issuerId, string documentType, int count)
    {
        IssuerId = issuerId;
        DocumentType = documentType;
        Count = count;
    }
}
