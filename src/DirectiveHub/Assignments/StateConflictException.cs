namespace DirectiveHub.Assignments;

/// <summary>
/// The assignment is no longer in a state that allows the action (a result accepted twice, an extension decided on
/// finished work): the caller acted on a stale view. The message is Vietnamese and says what the state is now.
/// </summary>
public sealed class StateConflictException(string message) : DomainException(message)
{
}
