using DirectiveHub.Data;
using DirectiveHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Import;

/// <summary>
/// Files uploaded for a check, waiting for the clerk to register what was checked. Each belongs to one user, a user
/// keeps only the last few, and any older than <see cref="Lifetime"/> is removed by the sweep, so an abandoned check
/// leaves nothing behind for long.
/// </summary>
public sealed class StagedImports(AppDbContext db, IFileStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public const int MaxPerUser = 5;

    public sealed record StagedFile(Guid Id, string FileName, byte[] Content);

    public async Task<Guid> StageAsync(Guid userId, string? fileName, byte[] content, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName ?? "");
        name = string.IsNullOrWhiteSpace(name) ? "van-ban" : name[..Math.Min(name.Length, 200)];
        using var stream = new MemoryStream(content, writable: false);
        var staged = new StagedImport(userId, name, content.LongLength, await store.PutAsync(stream, cancellationToken), clock.GetUtcNow().UtcDateTime);
        db.StagedImports.Add(staged);
        await db.SaveChangesAsync(cancellationToken);

        var surplus = await db.StagedImports.Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip(MaxPerUser).ToListAsync(cancellationToken);
        await RemoveAsync(surplus, cancellationToken);
        return staged.Id;
    }

    /// <summary>The staged file when it is this user's and still kept; null otherwise (another user's id reads as none).</summary>
    public async Task<StagedFile?> FindAsync(Guid id, Guid userId, CancellationToken cancellationToken)
    {
        var staged = await db.StagedImports.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken);
        if (staged is null || staged.CreatedAt < clock.GetUtcNow().UtcDateTime - Lifetime)
        {
            return null;
        }

        await using var content = await store.OpenAsync(staged.StorageKey, cancellationToken);
        if (content is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return new StagedFile(staged.Id, staged.FileName, buffer.ToArray());
    }

    /// <summary>Called once the file has been registered: its copy now lives with the directive.</summary>
    public async Task DiscardAsync(Guid id, CancellationToken cancellationToken) =>
        await RemoveAsync(await db.StagedImports.Where(s => s.Id == id).ToListAsync(cancellationToken), cancellationToken);

    /// <returns>How many staged files were older than <see cref="Lifetime"/> and are now gone.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - Lifetime;
        var old = await db.StagedImports.Where(s => s.CreatedAt < before).OrderBy(s => s.CreatedAt).Take(500).ToListAsync(cancellationToken);
        await RemoveAsync(old, cancellationToken);
        return old.Count;
    }

    private async Task RemoveAsync(List<StagedImport> staged, CancellationToken cancellationToken)
    {
        if (staged.Count == 0)
        {
            return;
        }

        // The rows go first: a file left behind by a failure is harmless, a row pointing at no file would be read.
        db.StagedImports.RemoveRange(staged);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in staged)
        {
            await store.DeleteAsync(file.StorageKey, CancellationToken.None);
        }
    }
}
