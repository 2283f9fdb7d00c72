using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// What an exception that escaped an endpoint or page means for the caller: a bad request (400/413 with the field
/// when known), a race lost to another request (409: a unique key or a concurrency token), the database being away
/// (503 with Retry-After), or a real fault (500). The API and the error page both answer from this.
/// </summary>
public static partial class FaultClassifier
{
    public const int RetryAfterSeconds = 5;

    public sealed record Fault(int Status, string Title, string? Field = null, string? Detail = null);

    public static Fault Classify(Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException bad:
                return new Fault(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Yêu cầu quá lớn." : "Yêu cầu không hợp lệ.", FieldOf(bad), Detail(bad));
            case JsonException json:
                return new Fault(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ.", JsonField(json.Path), json.Message);
            case InvalidDataException:
                return new Fault(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ.", Detail: "Dữ liệu biểu mẫu vượt giới hạn hoặc sai định dạng.");
            case DbUpdateConcurrencyException:
                return Conflict();
            case DbUpdateException update when IsUniqueViolation(update.InnerException):
                return Conflict();
            case DomainException domain:
                return new Fault(StatusCodes.Status409Conflict, domain.Message);
        }

        if (IsUniqueViolation(exception))
        {
            return Conflict();
        }

        if (IsDatabaseUnavailable(exception))
        {
            return new Fault(StatusCodes.Status503ServiceUnavailable, "Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít giây.");
        }

        if (FindPostgresState(exception) is "22021" or "22P05" or "54000" or "22003" or "22008")
        {
            // Bad bytes, a too-long or out-of-range value the edge checks missed: still the caller's input.
            return new Fault(StatusCodes.Status400BadRequest, "Dữ liệu không hợp lệ.");
        }

        return new Fault(StatusCodes.Status500InternalServerError, "Đã xảy ra lỗi.");
    }

    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case SocketException:
                case TimeoutException:
                case Npgsql.NpgsqlException { IsTransient: true }:
                case Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" or "08006" or "08001" or "08003" or "08004" }:
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }:
                    return true;
                case InvalidOperationException when e.Message.Contains("transient failure", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }

        return false;
    }

    private static Fault Conflict() =>
        new(StatusCodes.Status409Conflict, "Dữ liệu vừa được thay đổi bởi một thao tác khác (có thể do bấm hai lần). Vui lòng tải lại trang và kiểm tra.");

    private static bool IsUniqueViolation(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 })
            {
                return true;
            }
        }

        return false;
    }

    private static string? FindPostgresState(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException postgres)
            {
                return postgres.SqlState;
            }
        }

        return null;
    }

    private static string? FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return JsonField(json.Path) ?? ParameterName(bad.Message);
        }

        return ParameterName(bad.Message);
    }

    private static string? Detail(BadHttpRequestException bad) =>
        bad.InnerException is JsonException { Message: { } message } ? message : bad.Message;

    /// <summary>"$.tasks[0].text" → "tasks[0].text"; the root ("$") names no field.</summary>
    private static string? JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.TrimStart('$').TrimStart('.');

    private static string? ParameterName(string message) =>
        ParameterPattern().Match(message) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterPattern();
}
