namespace DirectiveHub.Reports;

/// <summary>
/// One line of the report's table: a unit's task assignments in the period, grouped as every tracker groups them
/// (done on time, done late, open in time, open overdue, cancelled), each with its share of those assigned, and the
/// results reported but not yet confirmed by the issuer (never overdue: the unit has done its part).
/// </summary>
/// <param name="AwaitingConfirmation">Last, with a default: reports frozen before it existed read back with 0.</param>
public sealed record ReportUnitFigures(
    Guid? OrganizationId,
    string Unit,
    int Assigned,
    int DoneOnTime,
    int DoneLate,
    int OpenInTime,
    int OpenOverdue,
    int Cancelled,
    int AwaitingConfirmation = 0)
{
    public double DoneOnTimePercent => Percent(DoneOnTime);

    public double DoneLatePercent => Percent(DoneLate);

    public double OpenInTimePercent => Percent(OpenInTime);

    public double OpenOverduePercent => Percent(OpenOverdue);

    public double CancelledPercent => Percent(Cancelled);

    public double AwaitingConfirmationPercent => Percent(AwaitingConfirmation);

    private double Percent(int count) => Assigned == 0 ? 0 : Math.Round(count * 100.0 / Assigned, 1);
}
