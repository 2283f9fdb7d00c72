using Microsoft.AspNetCore.Identity;

namespace DirectiveHub.Users;

/// <summary>Identity settings shared by the web app and the CLI, so a password the CLI accepts signs in on the web.</summary>
public static class IdentityRules
{
    public static void Configure(IdentityOptions options)
    {
        // ASVS 2.1: length over composition rules.
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;

        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
