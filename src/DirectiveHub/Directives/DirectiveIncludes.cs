using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Directives;

/// <summary>What a directive is made of, loaded in one place so every reader of the whole document sees all of it.</summary>
public static class DirectiveIncludes
{
    /// <summary>Recipients, tasks with their coordinating units, distribution, references and attachments.</summary>
    public static IQueryable<Directive> WithContent(this IQueryable<Directive> directives) =>
        directives
            .Include(d => d.Recipients)
            .Include(d => d.Tasks).ThenInclude(t => t.Coordinators)
            .Include(d => d.Distribution)
            .Include(d => d.References)
            .Include(d => d.Attachments)
            .AsSplitQuery();
}
