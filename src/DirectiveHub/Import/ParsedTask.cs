using System.Text.Json.Serialization;

namespace DirectiveHub.Import;

/// <param name="DeadlineAfterReceipt">"trong 10 ngày làm việc kể từ ngày nhận được văn bản", found by <see cref="ReceiptDeadlineText"/>.</param>
public sealed record ParsedTask(string Label, string Text, DateOnly? Deadline, IReadOnlyList<ParsedTask> Subtasks, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Calendar.ReceiptDeadline? DeadlineAfterReceipt = null);
