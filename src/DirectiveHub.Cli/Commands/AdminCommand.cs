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
        if (options.Count == 0 || options[0] != "create" || email is null || code is null || !Enum.TryParse<OrganizationKind>(Option("--kind") ?? "ProvincialCommittee", out var kind))
        {
            await app.Error.WriteLineAsync("Usage: directivehub admin create --email E --organization-code C [--organization-name N --kind K --symbol S --place P] [--password-stdin]");
            return 2;
        }

        using var host = app.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        var generated = !options.Contains("--password-stdin");
        var password = generated
            ? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20)
            : (await input.ReadLineAsync(cancellationToken))?.Trim() ?? string.Empty;
        var root = Option("--organization-name") is { } name ? new RootOrganization(name, kind, Option("--symbol") ?? "TU", Option("--place")) : null;
        var errors = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>()
            .CreateAsync(email, email, password, code, root, "directivehub admin create", cancellationToken);
        if (errors.Count > 0)
        {
            await app.Error.WriteLineAsync("Could not create the administrator: " + string.Join(" ", errors));
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
