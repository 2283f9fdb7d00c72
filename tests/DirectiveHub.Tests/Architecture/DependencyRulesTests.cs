using System.Reflection;
using System.Text.RegularExpressions;
using DirectiveHub.Data;

using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Architecture;

/// <summary>
/// The layout's dependency rules (STYLE.md), read from the compiled assemblies and from the sources: the domain uses
/// nothing of ASP.NET Core; <c>Api/</c> and <c>Pages/</c> never import each other (what both need lives in the domain
/// or in <c>Features/</c>).
/// </summary>
public sealed partial class DependencyRulesTests
{
    private static readonly Assembly Domain = typeof(AppDbContext).Assembly;
    private static readonly Assembly Web = typeof(DirectiveHub.Web.Infrastructure.CurrentUser).Assembly;

    /// <summary>
    /// Identity's and data protection's EF Core stores are data packages (their namespaces say AspNetCore, their code
    /// needs no web host): the domain keeps users and keys in its database through them.
    /// </summary>
    private static readonly string[] AllowedAspNetCoreAssemblies =
    [
        "Microsoft.AspNetCore.Identity.EntityFrameworkCore",
        "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore",
        "Microsoft.AspNetCore.DataProtection",
        "Microsoft.AspNetCore.DataProtection.Abstractions",
        "Microsoft.AspNetCore.Cryptography.Internal",
    ];

    [Fact]
    public void The_domain_references_nothing_of_ASP_NET_Core()
    {
        var web = Domain.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && !AllowedAspNetCoreAssemblies.Contains(n))
            .ToList();
        Assert.Empty(web);
        Assert.DoesNotContain(Domain.GetReferencedAssemblies(), a => a.Name == Web.GetName().Name);

        var project = File.ReadAllText(Path.Combine(PublishedApp.RepositoryRoot, "src", "DirectiveHub", "DirectiveHub.csproj"));
        Assert.DoesNotContain("Microsoft.AspNetCore.App", project, StringComparison.Ordinal);
        Assert.DoesNotContain("Sdk.Web", project, StringComparison.Ordinal);
    }

    [Fact]
    public void No_type_of_the_API_names_a_type_of_the_pages_in_its_signatures_and_the_reverse()
    {
        var offenders = new List<string>();
        foreach (var type in Web.GetTypes())
        {
            var ns = type.Namespace ?? string.Empty;
            var forbidden = ns.StartsWith("DirectiveHub.Web.Api", StringComparison.Ordinal) ? "DirectiveHub.Web.Pages"
                : ns.StartsWith("DirectiveHub.Web.Pages", StringComparison.Ordinal) ? "DirectiveHub.Web.Api"
                : null;
            if (forbidden is null)
            {
                continue;
            }

            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var named = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
                .Append(type.BaseType)
                .OfType<Type>()
                .SelectMany(Flatten);
            offenders.AddRange(named.Where(t => (t.Namespace ?? string.Empty).StartsWith(forbidden, StringComparison.Ordinal)).Select(t => $"{type.FullName} → {t.FullName}"));
        }

        Assert.Empty(offenders.Distinct());
    }

    [Fact]
    public void No_source_file_of_the_API_imports_the_pages_and_no_page_imports_the_API()
    {
        var web = Path.Combine(PublishedApp.RepositoryRoot, "src", "DirectiveHub.Web");
        var offenders = new List<string>();
        foreach (var (folder, forbidden) in new[] { ("Api", "Pages"), ("Pages", "Api") })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(web, folder), "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                if (Regex.IsMatch(text, $@"\bDirectiveHub\.Web\.{forbidden}\b") || Regex.IsMatch(text, $@"(?<![\w.""/]){forbidden}\.\w+\."))
                {
                    offenders.Add(Path.GetRelativePath(web, file));
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_domain_writes_no_page_addresses()
    {
        // Notices carry a NoticeTarget; the web app's NoticeLinks owns the addresses. A page path in the domain
        // (in C# or inside SQL) would outlive the page it names.
        var root = PublishedApp.RepositoryRoot;
        var pages = Directory.EnumerateDirectories(Path.Combine(root, "src", "DirectiveHub.Web", "Pages")).Select(Path.GetFileName).ToList();
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "DirectiveHub"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            offenders.AddRange(pages.Where(page => Regex.IsMatch(text, $@"[""'$]/{page}\b")).Select(page => $"{Path.GetRelativePath(root, file)}: /{page}"));
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_source_file_holds_one_public_type_named_like_the_file()
    {
        var root = PublishedApp.RepositoryRoot;
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "DirectiveHub"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            // Top-level public types only (nested ones are their type's own business).
            var types = TopLevelPublicType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToList();
            if (types.Count > 1 || (types.Count == 1 && types[0] != Path.GetFileNameWithoutExtension(file)))
            {
                offenders.Add($"{Path.GetRelativePath(root, file)}: {string.Join(", ", types)}");
            }
        }

        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type)
        : type.HasElementType ? Flatten(type.GetElementType()!).Prepend(type)
        : [type];

    [GeneratedRegex(@"^public (?:(?:sealed|static|abstract|partial|readonly) )*(?:class|record|enum|interface|struct|record struct) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();
}
