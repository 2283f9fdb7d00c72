using System.Text.Json.Serialization;

namespace DirectiveHub.Import;

/// <summary>An authenticated copy ("SAO LỤC", kind "SaoLuc") of another document sent along, with its own copy number.</summary>
public sealed record ParsedAttachment(string Kind, string? Number, string? Title);
