using DirectiveHub.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace DirectiveHub.Web.Infrastructure;

public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string Clerk = nameof(Clerk);
    public const string Officer = nameof(Officer);
    public const string Leader = nameof(Leader);

    /// <summary>The API accepts bearer tokens only: a cookie on a cross-site request can never drive it (no CSRF).</summary>
    public const string Api = nameof(Api);

    /// <summary>Exchange deliveries: a peer with its key, or a user with a bearer token (never a cookie).</summary>
    public const string Exchange = nameof(Exchange);

    public static void Configure(AuthorizationOptions options)
    {
        // Nothing is reachable anonymously unless a page or endpoint says so (login, errors, health).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Clerk, p => p.RequireRole(Roles.Clerk));
        options.AddPolicy(Officer, p => p.RequireRole(Roles.Officer));
        options.AddPolicy(Leader, p => p.RequireRole(Roles.Leader, Roles.Clerk, Roles.Admin));
        options.AddPolicy(Api, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        options.AddPolicy(Exchange, p => p.AddAuthenticationSchemes(ExchangePeerAuthentication.SchemeName, IdentityConstants.BearerScheme).RequireAuthenticatedUser());
    }
}
