namespace DirectiveHub.Directives;

public enum AttachmentKind
{
    File,

    /// <summary>An authenticated copy ("SAO LỤC") of a higher directive sent along, with its own copy number.</summary>
    AuthenticatedCopy,
}
