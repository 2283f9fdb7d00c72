using System.Text;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Organizations;

/// <summary>A problem with a row; <paramref name="Field"/> names the column (code, name, kind, parentCode) when one is at fault.</summary>
public sealed record CsvError(int Line, string Message, string? Field = null);
