using System.Diagnostics;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Printing;

/// <summary>
/// Debian's poppler-utils as independent readers of the PDFs the app writes: <c>pdftotext</c> for the text layer,
/// <c>pdfsig</c> for signatures. The test command installs them; without them a test skips locally and fails on CI.
/// </summary>
public static class PopplerTools
{
    public static async Task<string> TextAsync(byte[] pdf) => (await RunAsync("pdftotext", pdf, "-enc UTF-8 {0} -")).Output;

    public static async Task<(int ExitCode, string Output)> SignaturesAsync(byte[] pdf) => await RunAsync("pdfsig", pdf, "{0}");

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, byte[] pdf, string arguments)
    {
        var path = $"/usr/bin/{tool}";
        if (!File.Exists(path))
        {
            var message = $"{tool} is missing: install poppler-utils (the README's test command does).";
            if (TestEnvironment.IsCi)
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        var file = Path.Combine(Path.GetTempPath(), $"dh-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(path, string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, file))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
