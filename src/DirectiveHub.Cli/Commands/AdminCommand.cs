using System.Security.Cryptography;
using DirectiveHub.Organizations;
using DirectiveHub.Seeding;
using DirectiveHub.Users;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Cli.Commands;

/// <summary>
/// <c>directivehub admin create --email E --organization-code C [--organization-name N --kind K --symbol S --place P] [--password-stdin]</c>:
/// the first administrator of an empty database (the organization is created as the root when it does not exist yet).
/// </summary>
public static class AdminCommand
{
    public static async Task<int> RunAsync(CliApp app, IReadOnlyList<string> options, TextReader input, CancellationToken cancellationToken)
    {
        string? Option(string name) => CommandOptions.String(options, name);
        var email = Option("--email");
        var code = Option("--organization-code");
        if (options.Count == 0 || options[0] != "create" || email is null || code is null)
        {
            await app.Error.WriteLineAsync("Usage: directivehub admin create --email E --organization-code C [--organization-name N --kind K --symbol S --place P] [--password-stdin] [--additional]");
            return 2;
        }

        // A kind is named, never numbered: Enum.TryParse alone takes "99" and stores a kind that does not exist.
        var kindName = Option("--kind") ?? nameof(OrganizationKind.ProvincialCommittee);
        if (!Enum.TryParse<OrganizationKind>(kindName, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || kindName.Any(char.IsDigit))
        {
            await app.Error.WriteLineAsync($"--kind must be one of: {string.Join(", ", Enum.GetNames<OrganizationKind>())} (not '{kindName}').");
            return 2;
        }

        using var host = app.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        var administrators = scope.ServiceProvider.GetRequiredService<FirstAdministrator>();
        if (!options.Contains("--additional") && await administrators.AnyAdministratorAsync(cancellationToken))
        {
            await app.Error.WriteLineAsync("An administrator already exists, so nothing was created: `admin create` sets up an empty database. Add administrators in the web app (Quản trị → Người dùng), or pass --additional to add one from here anyway.");
            return 1;
        }

        var generated = !options.Contains("--password-stdin");
        var password = generated
            ? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20)
            : (await input.ReadLineAsync(cancellationToken))?.Trim() ?? string.Empty;
        var root = Option("--organization-name") is { } name ? new RootOrganization(name, kind, Option("--symbol") ?? "TU", Option("--place")) : null;
        var errors = await administrators
            .CreateAsync(email, email, password, code, root, "directivehub admin create", cancellationToken);
        if (errors.Count > 0)
        {
            // The domain's messages are Vietnamese (they are the app's own words); quoted inside the English line.
            await app.Error.WriteLineAsync("Could not create the administrator: " + string.Join(" ", errors.Select(e => $"“{e}”")));
            return 1;
        }

        await app.Output.WriteLineAsync($"Administrator {email} created for organization {code.ToUpperInvariant()}.");
        if (generated)
        {
            // Shown once, to the operator at the console; never logged. Change it after the first sign-in.
            await app.Output.WriteLineAsync($"Temporary password: {password}");
        }

        return 0;
    }
}
