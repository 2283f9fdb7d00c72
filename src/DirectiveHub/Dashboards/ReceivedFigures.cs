namespace DirectiveHub.Dashboards;

/// <summary>
/// "Nhiệm vụ đơn vị được giao": the tasks assigned to the dashboard's unit and the units beneath it, by whichever
/// issuer, counted as the issued figures are (assigned in the period, done in the period, open and overdue now).
/// </summary>
public sealed record ReceivedFigures(TaskAssignmentCounts TaskAssignments, int Acknowledged, double? OnTimeRate);
