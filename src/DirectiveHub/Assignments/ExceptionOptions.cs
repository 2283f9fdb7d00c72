namespace DirectiveHub.Assignments;

/// <summary>Settings of the exception view (section "Exceptions").</summary>
public sealed class ExceptionOptions
{
    /// <summary>Working days late from which an item is special red ("đỏ đặc biệt"); the Cao Bằng specification says 3.</summary>
    public int SpecialRedWorkingDays { get; set; } = 3;
}
