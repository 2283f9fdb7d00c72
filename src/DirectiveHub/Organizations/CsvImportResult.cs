using System.Text;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Organizations;

public sealed record CsvImportResult(int Created, IReadOnlyList<CsvError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
