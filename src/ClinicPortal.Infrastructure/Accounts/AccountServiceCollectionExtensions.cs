using ClinicPortal.Application.Ports;
using System.Security.Claims;
using ClinicPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Accounts;

public static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddDbContext<AccountsDbContext>((provider, options) =>
        {
            provider.GetRequiredService<ClinicDatabase>().KeepAccounts(options);
            options.AddInterceptors(CountedStatements.Instance);
        });

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.AddAuthorization();

        services.AddIdentityCore<ClinicUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                // A patient who registered can sign in (and so book) once they open the link emailed to them.
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            // The API's endpoints register a plain sign-in manager of their own: ours is registered after them, so
            // there is one sign-in manager, and the active check in it holds for the web form and the API alike.
            .AddApiEndpoints()
            .AddSignInManager<ClinicSignInManager>()
            .AddErrorDescriber<ClinicIdentityErrors>()
            .AddDefaultTokenProviders();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SessionOptions>>((options, sessions) =>
        {
            // Idle for longer than IdleTimeout: signed out (each request slides it on). However active: signed out
            // AbsoluteTimeout after signing in. Identity's own check (the security stamp) runs after the cap.
            options.ExpireTimeSpan = sessions.Value.IdleTimeout;
            var checkStamp = options.Events.OnValidatePrincipal;
            options.Events.OnSigningIn = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity && SessionAge.SignedInAt(context.Principal) is null)
                    identity.AddClaim(SessionAge.SignedInNow());
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                if (SessionAge.IsOver(context.Principal, sessions.Value))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await checkStamp(context);
            };
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "ClinicPortal.Auth";
            options.SlidingExpiration = true;
            // A page is sent to sign in; an API client is told 401 or 403, never redirected to an HTML form.
            options.Events.OnRedirectToLogin = context => AnswerApiOr(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => AnswerApiOr(context, StatusCodes.Status403Forbidden);
        });
        // A deactivated user's stamp changes, so their cookie stops working within a minute. The cookie made anew
        // after a check keeps the time the session began, so the absolute cap still counts from the sign-in.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SessionOptions>>((options, sessions) =>
        {
            options.ValidationInterval = sessions.Value.RecheckAfter;
            options.OnRefreshingPrincipal = context =>
            {
                if (SessionAge.SignedInAt(context.CurrentPrincipal) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                    identity.AddClaim(claim);
                return Task.CompletedTask;
            };
        });

        // Cookies, bearer tokens and reset or invitation links are protected with keys kept beside clinic.db, so they
        // survive a restart or a redeploy (back the keys/ folder up with the database); on PostgreSQL, in the database,
        // so that every instance shares them.
        services.AddDataProtection().SetApplicationName("ClinicPortal");
        services.AddOptions<KeyManagementOptions>().Configure<ClinicDatabase, ILoggerFactory>((options, database, loggers) =>
            options.XmlRepository = database.KeyRepository(loggers));

        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<IAccounts>(provider => provider.GetRequiredService<PeopleDirectory>());
        services.AddScoped<AccountEmails>();
        services.AddOptions<AccountFormLimitOptions>().BindConfiguration("RateLimits");
        services.AddSingleton<AccountFormLimits>();
        services.AddSingleton<StaffAdministration>();
        services.AddSingleton<IStaffAccounts>(provider => provider.GetRequiredService<StaffAdministration>());
        services.AddMemoryCache();
        services.AddSingleton<CurrentAccounts>();
        services.AddSingleton<CalendarFeedSecrets>();
        services.AddSingleton<DependantAccounts>();
        services.AddSingleton<Privacy.PatientErasure>();
        services.AddSingleton<IPatientErasure>(provider => provider.GetRequiredService<Privacy.PatientErasure>());
        services.AddHttpContextAccessor();
        return services;
    }

    private static Task AnswerApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<ClinicUser> signInManager, HttpContext context) =>
        {
            await signInManager.SignOutAsync();
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            return TypedResults.LocalRedirect("~/");
        });
    }
}
