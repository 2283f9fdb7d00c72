namespace DirectiveHub.Directives;

/// <summary>A recipient: an organization of the tree, or free text such as "Như kính gửi".</summary>
public sealed record RecipientContent(Guid? OrganizationId, string Text);
