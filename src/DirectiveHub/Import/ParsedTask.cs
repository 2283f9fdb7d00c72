using System.Text.Json.Serialization;

namespace DirectiveHub.Import;

public sealed record ParsedTask(string Label, string Text, DateOnly? Deadline, IReadOnlyList<ParsedTask> Subtasks);
