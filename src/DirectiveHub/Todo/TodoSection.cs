namespace DirectiveHub.Todo;

/// <summary>A section of the to-do list: how many there are, and the first lines.</summary>
public sealed record TodoSection<T>(int Total, IReadOnlyList<T> Lines)
{
    public static readonly TodoSection<T> Empty = new(0, []);
}
