using System.Text.Json.Serialization;

namespace DirectiveHub.Import;

public sealed record ParsedSigner(string? Authority, string? Body, string? Position, string? Name);
