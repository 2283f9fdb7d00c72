namespace DirectiveHub.Users;

public static class Roles
{
    public const string Admin = "Admin";

    /// <summary>Drafts and publishes for their organization.</summary>
    public const string Clerk = "Clerk";

    /// <summary>Receives, acknowledges and reports for their organization.</summary>
    public const string Officer = "Officer";

    /// <summary>Reads dashboards for their organization's subtree.</summary>
    public const string Leader = "Leader";

    public static readonly IReadOnlyList<string> All = [Admin, Clerk, Officer, Leader];
}
