namespace DirectiveHub.Reports;

/// <summary>A task assignment in one of the report's lists (assigned, done, due in the period; open at its end).</summary>
public sealed record ReportTaskLine(
    string DirectiveNumber,
    DateOnly? IssuedOn,
    string Subject,
    string Task,
    string Unit,
    DateOnly? Deadline,
    string State,
    DateOnly? DoneOn);
