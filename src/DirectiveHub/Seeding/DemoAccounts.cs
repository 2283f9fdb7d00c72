namespace DirectiveHub.Seeding;

/// <summary>The demo sign-ins, created only when demo seeding is on (Demo:Seed).</summary>
public static class DemoAccounts
{
    public const string Password = "DirectiveHub!2026";
    public const string Admin = "admin@demo.local";
    public const string Clerk = "clerk@demo.local";
    public const string Officer = "officer@demo.local";
    public const string Leader = "leader@demo.local";

    public static readonly IReadOnlyList<(string Email, string Role, string Description)> All =
    [
        (Admin, Users.Roles.Admin, "Quản trị hệ thống (Ban Chấp hành Trung ương, toàn bộ cây)"),
        (Clerk, Users.Roles.Clerk, "Văn thư Huyện ủy Quốc Oai"),
        (Officer, Users.Roles.Officer, "Cán bộ Đảng ủy xã Sài Sơn"),
        (Leader, Users.Roles.Leader, "Lãnh đạo Huyện ủy Quốc Oai"),
    ];
}
