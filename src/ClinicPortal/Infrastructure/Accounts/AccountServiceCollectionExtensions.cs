using System.Security.Claims;
using ClinicPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Accounts;

public static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddDbContext<AccountsDbContext>((provider, options) =>
            options.UseSqlite(provider.GetRequiredService<ClinicDatabase>().ConnectionString));

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
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            // The API's endpoints register a plain sign-in manager of their own: ours is registered after them, so
            // there is one sign-in manager, and the active check in it holds for the web form and the API alike.
            .AddApiEndpoints()
            .AddSignInManager<ClinicSignInManager>()
            .AddErrorDescriber<ClinicIdentityErrors>()
            .AddDefaultTokenProviders();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<Web.SessionOptions>>((options, sessions) =>
        {
            // Idle for longer than IdleTimeout: signed out (each request slides it on). However active: signed out
            // AbsoluteTimeout after signing in. Identity's own check (the security stamp) runs after the cap.
            options.ExpireTimeSpan = sessions.Value.IdleTimeout;
            var checkStamp = options.Events.OnValidatePrincipal;
            options.Events.OnSigningIn = context =>
            {
                context.Properties.Items[SignedInAt] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                var signedIn = context.Properties.Items.TryGetValue(SignedInAt, out var at) && long.TryParse(at, out var seconds)
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
                if (signedIn is null || DateTimeOffset.UtcNow - signedIn > sessions.Value.AbsoluteTimeout)
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
        // A deactivated user's stamp changes, so their cookie stops working within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        // Cookies, bearer tokens and reset or invitation links are protected with keys kept beside clinic.db, so they
        // survive a restart or a redeploy (back the keys/ folder up with the database).
        services.AddDataProtection().SetApplicationName("ClinicPortal");
        services.AddOptions<KeyManagementOptions>().Configure<ClinicDatabase, ILoggerFactory>((options, database, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(database.DataDirectory, "keys")), loggers));

        services.AddSingleton<PeopleDirectory>();
        services.AddScoped<AccountEmails>();
        services.AddSingleton<StaffAdministration>();
        services.AddMemoryCache();
        services.AddSingleton<CurrentAccounts>();
        services.AddHttpContextAccessor();
        return services;
    }

    private const string SignedInAt = "clinicportal.signed-in-at";

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

/// <summary>Refuses sign-in to users the practice owner has deactivated.</summary>
public sealed class ClinicSignInManager(
    UserManager<ClinicUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ClinicUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ClinicUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ClinicUser> confirmation)
    : SignInManager<ClinicUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ClinicUser user) => user.IsActive && await base.CanSignInAsync(user);
}

/// <summary>Ends an interactive session within a minute of the user's deactivation or password change.</summary>
internal sealed class RevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, CurrentAccounts accounts)
    : Microsoft.AspNetCore.Components.Server.RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        accounts.IsCurrentNowAsync(state.User);
}
