using System.Text.Json;
using System.Text.Json.Serialization;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Refuses JSON strings with control characters (NUL and the like) while reading the body, so the API answers 400
/// naming the field (the reader's path) instead of PostgreSQL failing on insert.
/// </summary>
public sealed class SafeStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Giá trị phải là một chuỗi.");
        }

        var value = reader.GetString()!;
        if (ControlCharacters.AnyIn(value))
        {
            throw new JsonException("Chuỗi chứa ký tự điều khiển (như NUL) không được phép.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
