using ClinicPortal.Features.Admin.Reports;
using ClinicPortal.Features.Admin.Rooms;
using ClinicPortal.Features.Admin.VisitTypes;
using ClinicPortal.Features.Booking.Appointments;
using ClinicPortal.Features.Booking.ChangeParts;
using ClinicPortal.Features.Booking.ChangeRoom;
using ClinicPortal.Features.Booking.MoveAppointment;
using ClinicPortal.Features.Booking.MyAppointments;
using ClinicPortal.Features.Conflicts;
using ClinicPortal.Features.Holds;
using ClinicPortal.Features.Reception.Day;
using ClinicPortal.Features.Reception.Patients;
using static ClinicPortal.Features.Api.ApiValues;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Features.Api;

/// <summary>
/// The JSON API for integrations (a patient app, a phone system) and load tests: what every endpoint shares (bearer
/// tokens and the sign-in they come from, rate limits, problem details, the OpenAPI document). Each use case maps its
/// own routes (<c>…Endpoint.Map</c>, beside its handler and page) and calls the same handlers as the pages, with the
/// same roles; callers sign in at /api/identity/login and send the bearer token.
/// </summary>
public static class ApiEndpoints
{

    public static IServiceCollection AddClinicApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Problems written by others (Identity's sign-in, the framework) get the same machine-readable code.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("error", ApiProblems.ErrorCodeOf(context.ProblemDetails.Status ?? 500)));
        services.AddOpenApi();
        // The API's own answers are written by source-generated serializers (Identity's and the framework's keep theirs).
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddOptions<ApiTokenOptions>().Bind(configuration.GetSection(ApiTokenOptions.Section));
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<ApiTokenOptions>>((bearer, tokens) => bearer.BearerTokenExpiration = tokens.Value.AccessTokenLifetime);
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(new ApiRateLimits(limits));
        return services;
    }

    /// <summary>
    /// After authorization: an API caller whose account was deactivated, or whose password changed since the token was
    /// issued, no longer counts (checked on every request, looked up at most once a minute per user).
    /// </summary>
    public static void UseCurrentAccountsOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Whichever scheme signed the caller in (a bearer token's identity carries the application scheme's name).
        if (context.Request.Path.StartsWithSegments("/api") && context.User.Identity?.IsAuthenticated == true
            && !await context.RequestServices.GetRequiredService<CurrentAccounts>().IsCurrentAsync(context.User))
        {
            await ApiProblems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "This sign-in has ended; please sign in again.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    public static void MapClinicApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();

        var identity = endpoints.MapGroup("/api/identity").WithTags("Identity");
        identity.MapIdentityApi<ClinicUser>()
            .RequireRateLimiting(SignInLimit)
            .AddEndpointFilter(async (context, next) =>
            {
                // Only sign-in and token refresh are the API's. Patients register on the web page (name and phone are
                // needed), staff are invited, passwords are reset and emails confirmed by links to the web pages.
                // Judged by the endpoint the request reached, not by its path, which "/register/" would slip past.
                if (!IsUsedIdentityEndpoint(context.HttpContext.GetEndpoint()))
                    return ApiProblems.NotFound("This is done on the web pages.");
                return MissingRequiredField(context.Arguments) is { } missing
                    ? ApiProblems.Validation($"'{missing}' is required.")
                    : await next(context);
            });

        var api = endpoints.MapGroup("/api").WithTags("Appointments");
        BookSlotsEndpoint.Map(api);
        Booking.BookSeries.BookSeriesEndpoint.Map(api);
        MyAppointmentsEndpoint.Map(api);
        CancelAppointmentEndpoint.Map(api);
        MoveAppointmentEndpoint.Map(api);
        AppointmentsEndpoint.Map(api);
        AppointmentPartsEndpoint.Map(api);
        ChangeRoomEndpoint.Map(api);
        HoldsEndpoint.Map(api);
        ConflictsEndpoint.Map(api);
        PracticeDayEndpoint.Map(api);
        PatientsEndpoint.Map(api);
        CancelDayEndpoint.Map(api);
        ScheduleDayEndpoint.Map(api);
        VisitTypesEndpoint.Map(api);
        RoomsEndpoint.Map(api);
        ReportSummaryEndpoint.Map(api);
    }


    private static readonly string[] UsedIdentityEndpoints = ["/api/identity/login", "/api/identity/refresh"];

    private static bool IsUsedIdentityEndpoint(Endpoint? endpoint) =>
        endpoint is RouteEndpoint route && UsedIdentityEndpoints.Contains(route.RoutePattern.RawText?.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The first required field of a request body that came as JSON null, in the body's own JSON spelling; Identity
    /// would otherwise fail on it with a server error.
    /// </summary>
    private static string? MissingRequiredField(IList<object?> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument is null)
                continue; // an optional query value; a body of JSON null is refused before filters run
            var type = argument.GetType();
            if (type.Namespace != "Microsoft.AspNetCore.Identity.Data")
                continue;
            foreach (var property in type.GetProperties())
                if (property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), false) && property.GetValue(argument) is null)
                    return System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
        }
        return null;
    }
}
