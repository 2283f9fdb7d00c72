namespace DirectiveHub.Reports;

/// <summary>
/// Everything a periodic report shows: the figures per unit with their total, and the four lists behind them. A
/// frozen report stores this as it was computed and is never computed again.
/// </summary>
public sealed record PeriodicReportContent(
    Guid OrganizationId,
    string OrganizationName,
    string? ParentName,
    string? Place,
    string PeriodCode,
    string PeriodTitle,
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    IReadOnlyList<ReportUnitFigures> Units,
    ReportUnitFigures Total,
    IReadOnlyList<ReportTaskLine> AssignedInPeriod,
    IReadOnlyList<ReportTaskLine> DoneInPeriod,
    IReadOnlyList<ReportTaskLine> DueInPeriod,
    IReadOnlyList<ReportTaskLine> OpenAtEnd);
