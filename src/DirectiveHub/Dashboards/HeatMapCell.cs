namespace DirectiveHub.Dashboards;

public sealed record HeatMapCell(int Assigned, int Finished, int Overdue)
{
    /// <summary>Share finished (on time or late), 0 to 1.</summary>
    public double Progress => Assigned == 0 ? 0 : (double)Finished / Assigned;
}
