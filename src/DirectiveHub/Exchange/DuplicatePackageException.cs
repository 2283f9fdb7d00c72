namespace DirectiveHub.Exchange;

/// <summary>Another document with the same issuer, number and date is already here: a conflict, not bad input.</summary>
public sealed class DuplicatePackageException(string message) : DomainException(message, "Code");
