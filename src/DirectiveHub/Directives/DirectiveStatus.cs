namespace DirectiveHub.Directives;

public enum DirectiveStatus
{
    Draft,
    Published,
    Superseded,
    Withdrawn,
}
