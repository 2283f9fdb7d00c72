namespace DirectiveHub.Dashboards;

public sealed record HeatMapCell(int Assigned, int Finished, int Overdue)
{
    /// <summary>Results waiting for the issuer (chờ xác nhận), as the lifecycle sheet counts them.</summary>
    public int AwaitingConfirmation { get; init; }

    /// <summary>Returned results the unit must report again (bị trả lại).</summary>
    public int Returned { get; init; }

    /// <summary>Cancelled work (or refused and passed on): outside <see cref="Assigned"/> and the rate.</summary>
    public int Cancelled { get; init; }

    /// <summary>Share finished (on time or late), 0 to 1.</summary>
    public double Progress => Assigned == 0 ? 0 : (double)Finished / Assigned;
}
