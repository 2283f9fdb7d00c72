using DirectiveHub.Data;
using DirectiveHub.Security;
using DirectiveHub.Users;
using DirectiveHub.Web.Features.Admin;
using DirectiveHub.Web.Features.Directives;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace DirectiveHub.Web.Infrastructure;

public static class WebServices
{
    /// <summary>Whether cookies are Secure and HTTP is redirected to HTTPS: on outside Development unless Security:RequireHttps says otherwise.</summary>
    public static bool RequireHttps(IConfiguration configuration, IWebHostEnvironment environment) =>
        configuration.GetValue<bool?>("Security:RequireHttps") ?? !environment.IsDevelopment();

    public static IServiceCollection AddDirectiveHubWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddDirectiveHubCore(configuration);
        services.AddHttpContextAccessor();
        services.AddDirectiveHubCompression();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<NotificationBell>();
        services.AddScoped<Features.Registers.RegisterTables>();
        services.AddSingleton<NoticeLinks>();
        services.AddSingleton<DirectiveHub.Notifications.INoticeLinks>(provider => provider.GetRequiredService<NoticeLinks>());
        services.AddScoped<Features.Directives.DirectiveDrafts>();
        services.AddScoped<Features.Admin.UserAdministration>();
        services.AddScoped<Signing.UnitCertificates>();
        services.AddScoped<Printing.IUnitSignerSource>(sp => sp.GetRequiredService<Signing.UnitCertificates>());
        // Whichever provider is configured, its context drops the cached dashboards its saved writes change.
        services.AddSingleton<Dashboards.DashboardInvalidation>();
        services.ConfigureDbContext<DirectiveHub.Data.PostgresAppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<Dashboards.DashboardInvalidation>()));
        services.ConfigureDbContext<DirectiveHub.Data.SqliteAppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<Dashboards.DashboardInvalidation>()));
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<Serilog.Core.ILogEventEnricher, SecretRedaction>();
        services.AddSingleton<SessionGuard>();
        services.AddScoped<AccountSessions>();
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(options => ProxySettings.Configure(options, configuration));

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = "CookieOrBearer";
                options.DefaultChallengeScheme = "CookieOrBearer";
            })
            .AddPolicyScheme("CookieOrBearer", "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                // Short access tokens, each checked against its session on every request (SessionGuard); a refresh
                // token is refused once the account's security stamp changes or its session has ended.
                options.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Security:AccessTokenMinutes", 15));
                options.RefreshTokenExpiration = TimeSpan.FromHours(configuration.GetValue("Security:RefreshTokenHours", 24));
                options.Events.OnMessageReceived = SessionChecks.OnBearerTokenAsync;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ExchangePeerAuthentication>(ExchangePeerAuthentication.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(IdentityRules.Configure)
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddApiEndpoints()

            // After AddApiEndpoints, which registers the stock SignInManager and token providers again: our sign-in
            // manager refuses deactivated accounts, our authenticator provider reads TimeProvider and refuses replays.
            .AddSignInManager<AppSignInManager>()
            .AddTokenProvider<ClockAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        // A locked account or a changed password ends other sessions within a minute (security stamp).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        var requireHttps = RequireHttps(configuration, environment);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "DirectiveHub.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:IdleTimeoutMinutes", 30));
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Events.OnValidatePrincipal = SessionChecks.Cookie(options.Events.OnValidatePrincipal);
            options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "DirectiveHub.Antiforgery";
            options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorization(Policies.Configure);

        services.AddDirectiveHubDataProtection(configuration);

        services.AddLocalization(options => options.ResourcesPath = "Resources");

        // Vietnamese text goes out as is, not as numeric entities (a third of a page's weight otherwise).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(options =>
            {
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                options.Conventions.AllowAnonymousToPage("/Account/SetPassword");
                options.Conventions.AllowAnonymousToPage("/FirstRun");
                options.Conventions.AllowAnonymousToPage("/Error");

                // One upload limit, Attachments:MaxBytes, for every form that carries files. The request may be a
                // little larger than the files it allows (other fields, a file just over the limit), so that the
                // page itself answers a too-big file with its Vietnamese message instead of an empty 400.
                var attachmentBytes = configuration.GetValue("Attachments:MaxBytes", DirectiveHub.Storage.FileStorageOptions.DefaultMaxBytes);
                void Uploads(string page, int files) => options.Conventions.AddPageApplicationModelConvention(page, model =>
                {
                    var envelope = files * (attachmentBytes + (2L * 1024 * 1024));
                    model.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = envelope });
                    model.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(envelope));
                });
                Uploads("/Directives/Details", 2);
                Uploads("/Inbox/Directive", 6);
                options.Conventions.AllowAnonymousToPage("/StatusCode");
                // The print view and attachments are for everyone who may see the directive (recipients too);
                // drafting and the outgoing register are the clerk's.
                options.Conventions.AuthorizePage("/Directives/Index", Policies.Clerk);
                options.Conventions.AuthorizePage("/Directives/Edit", Policies.Clerk);
                options.Conventions.AuthorizePage("/Directives/Details", Policies.Clerk);
                options.Conventions.AuthorizePage("/Directives/Publish", Policies.Clerk);
                options.Conventions.AuthorizeFolder("/Import", Policies.Clerk);
                options.Conventions.AuthorizeFolder("/Tracking", Policies.Leader);
                options.Conventions.AuthorizeFolder("/Dashboard", Policies.Leader);
                options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                options.Conventions.AuthorizeFolder("/Diagnostics", Policies.Leader);
            })
            // Validation is FluentValidation's, with Vietnamese messages; MVC's implicit [Required] would add English ones.
            .AddMvcOptions(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.ModelBinderProviders.Insert(0, new BoundedValueBinderProvider([.. options.ModelBinderProviders]));
                options.Filters.Add<UnknownHandlerFilter>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        // Public validators only: nested private ones (a form's child rules) are built by their parent, not by DI.
        services.AddValidatorsFromAssemblyContaining<SharedResource>(ServiceLifetime.Scoped, includeInternalTypes: false);
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("vi");

        services.AddSingleton<Jobs.WorkerHeartbeats>();
        services.AddDirectiveHubTelemetry(configuration);
        if (configuration.GetValue("Overdue:Enabled", true))
        {
            services.AddHostedService<Jobs.OverdueWorker>();
        }

        // Mail goes out whatever the overdue sweep does: invitations and password links use the outbox too.
        if (configuration.GetValue("Mail:OutboxEnabled", true))
        {
            services.AddHostedService<Jobs.OutboxWorker>();
        }

        services.AddHttpClient(HttpExchangeSender.ClientName, client => client.Timeout = TimeSpan.FromSeconds(60));
        services.AddScoped<DirectiveHub.Exchange.IExchangeSender, HttpExchangeSender>();
        if (configuration.GetValue("Exchange:WorkerEnabled", true))
        {
            services.AddHostedService<Jobs.ExchangeWorker>();
        }

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Bad request bodies reach the exception handler, which names the field (instead of an empty 400).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new SafeStringJsonConverter());

            // JSON null for a list or object the contract does not allow is a 400 naming the field, not a crash later.
            options.SerializerOptions.RespectNullableAnnotations = true;
            options.SerializerOptions.MaxDepth = 32;
        });
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"])
            .AddCheck<WorkersHealthCheck>("workers", tags: ["ready"]);

        if (requireHttps)
        {
            services.AddHsts(options =>
            {
                options.MaxAge = TimeSpan.FromDays(365);
                options.IncludeSubDomains = true;
            });
        }

        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
