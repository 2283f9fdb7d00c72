namespace DirectiveHub.Dashboards;

/// <summary>
/// How much time a row of <see cref="TaskFigure"/> covers. Every figure is kept at the three grains, so that a period
/// of any length reads at most a month of days at each end, a year of months at each end and its whole years.
/// </summary>
public enum FigureGrain
{
    Day = 0,

    /// <summary>Dated by the first day of the month.</summary>
    Month = 1,

    /// <summary>Dated by the first of January.</summary>
    Year = 2,
}
