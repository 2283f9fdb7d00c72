namespace DirectiveHub.Dashboards;

public sealed record TaskAssignmentCounts(int Total, int Open, int Done, int DoneLate, int Overdue);
