namespace DirectiveHub.Storage;

/// <summary>
/// Where the app keeps the files it serves after an access check: directive attachments, report evidence, generated
/// documents. A file is put once and read back by the key the store returns; the caller records the key (and the
/// name, type and size users see) in its own row. <c>Storage:Provider</c> chooses the store: <c>Local</c> (a folder,
/// the default for one instance) or <c>Postgres</c> (the database, for several instances behind a load balancer).
/// </summary>
public interface IFileStore
{
    /// <summary>The largest file <see cref="PutAsync"/> accepts (<c>Attachments:MaxBytes</c>, 20 MB by default).</summary>
    long MaxBytes { get; }

    /// <summary>Stores <paramref name="content"/> from its current position to its end and returns the new key.</summary>
    Task<string> PutAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>The file's content to read once, or null when no file has that key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; a key that is already gone is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
