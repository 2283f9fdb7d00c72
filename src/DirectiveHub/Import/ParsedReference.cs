using System.Text.Json.Serialization;

namespace DirectiveHub.Import;

/// <summary>A cited document: Party form ("06-CT/TU", type "CT") or state form ("1102/CĐ-TTg", type "CĐ").</summary>
public sealed record ParsedReference(string? Type, string Number, DateOnly? IssuedOn);
