namespace DirectiveHub.Data;

/// <summary>
/// Where the embedded defaults live (the SQLite database, attachments, mail pickup) when no setting names them.
/// One folder for the web app and the CLI whatever folder each was built into, so that `directivehub migrate` or
/// `sweep` acts on the database the web app reads: <c>DIRECTIVEHUB_DATA</c> when set, else the user's local
/// application data folder (~/.local/share/DirectiveHub on Linux), else a <c>data</c> folder beside the program.
/// </summary>
public static class DataFolder
{
    public const string Variable = "DIRECTIVEHUB_DATA";

    public static string Default
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
            {
                return Path.GetFullPath(configured);
            }

            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return string.IsNullOrEmpty(local) ? Path.Combine(AppContext.BaseDirectory, "data") : Path.Combine(local, "DirectiveHub");
        }
    }
}
