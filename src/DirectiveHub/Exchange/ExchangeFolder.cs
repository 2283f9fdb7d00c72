using DirectiveHub.Data;
using Microsoft.Extensions.Logging;

namespace DirectiveHub.Exchange;

/// <summary>
/// The folder drop: packages and status messages (*.xml) written into <c>Exchange:InboundFolder</c> (whole, then
/// renamed, by whoever delivers them) are taken one at a time: moved into <c>processing/</c> first, so two instances
/// never take the same file, then to <c>processed/</c>, or to <c>failed/</c> with the reason beside it in a .txt.
/// A file that failed for a passing cause (the database away) goes back to be tried on the next run.
/// </summary>
public sealed class ExchangeFolder(AppDbContext db, PackageImport packages, StatusIntake statuses, ExchangeOptions options, TimeProvider clock, ILogger<ExchangeFolder> logger)
{
    /// <returns>How many files were processed (imported, applied, or set aside as failed).</returns>
    public async Task<int> ProcessAsync(int batch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.InboundFolder) || !Directory.Exists(options.InboundFolder))
        {
            return 0;
        }

        var processing = Directory.CreateDirectory(Path.Combine(options.InboundFolder, "processing")).FullName;
        var done = 0;
        foreach (var path in Directory.EnumerateFiles(options.InboundFolder, "*.xml").Order(StringComparer.Ordinal).Take(batch).ToList())
        {
            var name = Path.GetFileName(path);
            var claimed = Path.Combine(processing, name);
            try
            {
                File.Move(path, claimed);
            }
            catch (IOException)
            {
                continue;
            }

            string? error;
            try
            {
                error = await ProcessFileAsync(claimed, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Exchange file {File} could not be processed now; it will be tried again", name);
                File.Move(claimed, path, overwrite: false);
                db.ChangeTracker.Clear();
                continue;
            }

            db.ChangeTracker.Clear();
            var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            var target = Directory.CreateDirectory(Path.Combine(options.InboundFolder, error is null ? "processed" : "failed")).FullName;
            var moved = Path.Combine(target, $"{Path.GetFileNameWithoutExtension(name)}.{stamp}.xml");
            File.Move(claimed, moved);
            if (error is not null)
            {
                await File.WriteAllTextAsync(moved + ".txt", error, cancellationToken);
                logger.LogWarning("Exchange file {File} refused: {Error}", name, error);
            }

            done++;
        }

        return done;
    }

    private async Task<string?> ProcessFileAsync(string path, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length > options.MaxPackageBytes)
        {
            return $"Tệp vượt quá {options.MaxPackageBytes / (1024 * 1024)} MB.";
        }

        var body = await File.ReadAllBytesAsync(path, cancellationToken);
        try
        {
            using var probe = new MemoryStream(body, writable: false);
            if (EdXml.IsStatus(EdXml.Load(probe, options.MaxPackageBytes)))
            {
                return await statuses.ApplyAsync(body, ExchangeCaller.Folder, cancellationToken) is null
                    ? "Không có văn bản nào của hệ thống này khớp với thông điệp trạng thái (ResponseFor)."
                    : null;
            }

            await packages.ImportAsync(body, ExchangeCaller.Folder, cancellationToken);
            return null;
        }
        catch (DomainException exception)
        {
            return exception.Field is { } field ? $"{field}: {exception.Message}" : exception.Message;
        }
    }
}
