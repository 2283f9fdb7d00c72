namespace DirectiveHub.Assignments;

/// <summary>The document that reports a task's result: its number and symbol and its date ("12-BC/ĐU ngày 01/12/2026").</summary>
public sealed record ResultDocument(string Number, DateOnly IssuedOn)
{
    public const int MaxNumberLength = 50;
}
