namespace DirectiveHub.Assignments;

public enum ExtensionDecision
{
    Pending,
    Approved,
    Refused,
}
