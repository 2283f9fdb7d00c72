namespace DirectiveHub.Assignments;

/// <summary>
/// How a notice names its task: "nhiệm vụ 2 của văn bản số 114-CV/HU". Two notices about tasks of one directive must
/// not read alike, so every notice about a task (alerts, review, extension, urging, refusal, cancellation) names it so.
/// </summary>
public static class TaskNoticeName
{
    public static string Of(string? taskLabel, string? directiveNumber) =>
        string.IsNullOrWhiteSpace(taskLabel)
            ? $"nhiệm vụ của văn bản số {directiveNumber}"
            : $"nhiệm vụ {taskLabel} của văn bản số {directiveNumber}";
}
