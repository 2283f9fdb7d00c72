namespace DirectiveHub.Reports;

/// <summary>
/// One line of the report's table: a unit's task assignments in the period, grouped as every tracker groups them
/// (done on time, done late, open in time, open overdue, cancelled), each with its share of those assigned.
/// </summary>
public sealed record ReportUnitFigures(
    Guid? OrganizationId,
    string Unit,
    int Assigned,
    int DoneOnTime,
    int DoneLate,
    int OpenInTime,
    int OpenOverdue,
    int Cancelled)
{
    public double DoneOnTimePercent => Percent(DoneOnTime);

    public double DoneLatePercent => Percent(DoneLate);

    public double OpenInTimePercent => Percent(OpenInTime);

    public double OpenOverduePercent => Percent(OpenOverdue);

    public double CancelledPercent => Percent(Cancelled);

    private double Percent(int count) => Assigned == 0 ? 0 : Math.Round(count * 100.0 / Assigned, 1);
}
