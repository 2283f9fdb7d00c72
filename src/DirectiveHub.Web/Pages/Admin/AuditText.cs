using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>The audit log in words a reader understands: Vietnamese names of what changed, and before/after values as text rather than escaped JSON.</summary>
public static class AuditText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string EntityLabel(string entityType) => entityType switch
    {
        "Directive" => "Văn bản",
        "TaskAssignment" => "Nhiệm vụ của đơn vị",
        "Assignment" => "Văn bản đến của đơn vị",
        "AppUser" => "Người dùng",
        "Organization" => "Tổ chức",
        "NumberRegister" => "Sổ đăng ký số",
        _ => entityType,
    };

    /// <summary>"Number: 114-CV/HU · Subject: tăng cường …" from the stored JSON; the text as stored when it is not JSON.</summary>
    public static string Readable(string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return string.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(details);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Value(document.RootElement);
            }

            var text = new StringBuilder();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                text.Append(text.Length > 0 ? " · " : string.Empty).Append(property.Name).Append(": ").Append(Value(property.Value));
            }

            return text.ToString();
        }
        catch (JsonException)
        {
            return details;
        }
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null => "—",
        JsonValueKind.Object or JsonValueKind.Array => JsonSerializer.Serialize(value, Relaxed),
        _ => value.GetRawText(),
    };
}
