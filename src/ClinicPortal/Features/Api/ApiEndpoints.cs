using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelBooking;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Features.Api;

/// <summary>
/// The JSON API for integrations (a patient app, a phone system) and load tests. It calls the same handlers as the
/// pages and enforces the same roles; callers sign in at /api/identity/login and send the bearer token.
/// </summary>
public static partial class ApiEndpoints
{
    private const string SignInLimit = "sign-in";
    private const string BookingLimit = "booking";

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
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests; please wait a moment.")
                    .ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.AddPolicy(BookingLimit, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.BookingsPerMinute,
                    TokensPerPeriod = limits.BookingsPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                }));
        });
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
        api.MapGet("/slots", GetSlotsAsync).RequireAuthorization(Bearer(Roles.Patient, Roles.Receptionist, Roles.Admin));
        api.MapPost("/bookings", BookAsync).RequireAuthorization(Bearer(Roles.Patient, Roles.Receptionist, Roles.Admin)).RequireRateLimiting(BookingLimit);
        api.MapGet("/bookings/mine", MyBookingsAsync).RequireAuthorization(Bearer(Roles.Patient));
        api.MapDelete("/bookings/{bookingId}", CancelBookingAsync).RequireAuthorization(Bearer(Roles.Patient, Roles.Receptionist, Roles.Admin));
        MapVisitTypes(api);
        MapRooms(api);
        MapConflicts(api);
        MapHolds(api);
        MapAppointments(api);
        MapReports(api);
        MapDays(api);
        api.MapGet("/patients", FindPatientsAsync).RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin));
        api.MapPost("/doctors/me/days", ScheduleMyDayAsync).RequireAuthorization(Bearer(Roles.ClinicianRoles));
        api.MapPost("/doctors/{doctorId}/days/{date}/cancel", CancelDayAsync).RequireAuthorization(Bearer([.. Roles.ClinicianRoles, Roles.Receptionist, Roles.Admin]));
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

    private static AuthorizationPolicy Bearer(params string[] roles) =>
        new AuthorizationPolicyBuilder(IdentityConstants.BearerScheme).RequireAuthenticatedUser().RequireRole(roles).Build();

    /// <summary>Today's contract: the day's free slots that can be booked as a Consultation (one slot), per doctor.</summary>
    private static async Task<Results<Ok<IReadOnlyList<DoctorSlotsDto>>, ProblemHttpResult>> GetSlotsAsync(
        string? date, HttpContext http, Availability availability, IVisitTypeQueries visitTypes, PracticeClock clock, CancellationToken ct)
    {
        if (ParseDate(date, clock) is not { } day)
            return ApiProblems.Validation(DateRule(clock));
        var consultation = await visitTypes.FindAsync(Domain.VisitTypes.VisitType.ConsultationId, ct) ?? Domain.VisitTypes.VisitType.Consultation;
        var byPatient = CurrentActor.From(http.User)!.Role == Role.Patient;
        var offers = byPatient && !consultation.BookableOnline ? DayOffers.None : await availability.DayAsync(consultation, day, byPatient, ct: ct);
        IReadOnlyList<DoctorSlotsDto> result = offers.Doctors
            .Select(d => new DoctorSlotsDto(d.DoctorId, d.DoctorName, d.Offers.Select(o => Slot(o.FirstSlotId, o.StartUtc, o.EndUtc, clock)).ToArray()))
            .ToArray();
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Created<BookingDto>, ProblemHttpResult>> BookAsync(
        HttpContext http, BookSlotsHandler book, PeopleDirectory people, PracticeClock clock, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<BookRequest>(http.Request, ct);
        if (problem is not null) return problem;
        var actor = CurrentActor.From(http.User)!;
        var slotIds = request!.SlotIds ?? []; // how many slots a booking may take is the decider's rule

        var (patientId, refused) = PatientOf(actor, request.PatientId);
        if (refused is not null) return refused;

        var result = await book.HandleAsync(patientId, slotIds, actor, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var booked = result.Value!;
        return TypedResults.Created($"/api/bookings/{booked.BookingId}",
            new BookingDto(booked.BookingId, booked.PatientId, booked.DoctorId, booked.Slots.Select(s => Slot(s.SlotId, s.StartUtc, s.EndUtc, clock)).ToArray()));
    }

    private static async Task<Ok<IReadOnlyList<MyBookingDto>>> MyBookingsAsync(
        HttpContext http, IScheduleQueries schedule, PeopleDirectory people, IVisitTypeQueries visitTypes, PracticeClock clock, CancellationToken ct)
    {
        var actor = CurrentActor.From(http.User)!;
        var bookings = await schedule.FutureBookingsAsync(actor.Id, clock.Now, ct);
        var names = (await people.ClinicianPeopleAsync(ct)).ToDictionary(d => d.Id, d => d.Name); // kept, unlike a query by id
        var types = (await visitTypes.AllAsync(ct)).ToDictionary(t => t.Id, t => t.Name);
        IReadOnlyList<MyBookingDto> result = bookings.Select(b => new MyBookingDto(
            b.BookingId, b.DoctorId, names.GetValueOrDefault(b.DoctorId, ""), b.Date, clock.ToLocal(b.StartUtc), clock.ToLocal(b.EndUtc), b.SlotCount,
            b.VisitTypeId, types.GetValueOrDefault(b.VisitTypeId, ""))).ToArray();
        return TypedResults.Ok(result);
    }

    /// <summary>The phone-booking search: patients whose name or email contains the query (at least two characters).</summary>
    private static async Task<Results<Ok<IReadOnlyList<PatientDto>>, ProblemHttpResult>> FindPatientsAsync(
        string? query, PeopleDirectory people, CancellationToken ct)
    {
        if (query?.Trim() is not { Length: >= 2 } text)
            return ApiProblems.Validation("Give at least two letters of the patient's name or email as query.");
        IReadOnlyList<PatientDto> found = (await people.SearchPatientsAsync(text, ct)).Select(p => new PatientDto(p.Id, p.Name, p.Email, p.Phone)).ToArray();
        return TypedResults.Ok(found);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelBookingAsync(
        string bookingId, HttpContext http, CancelBookingHandler cancel, CancellationToken ct)
    {
        if (!Guid.TryParse(bookingId, out var id))
            return ApiProblems.NotFound("No such booking.");
        var result = await cancel.HandleAsync(id, CurrentActor.From(http.User)!, ct: ct);
        return result.IsAccepted ? TypedResults.NoContent() : ApiProblems.For(result.Rejection!.Value);
    }

    private static async Task<Results<Created<DayDto>, ProblemHttpResult>> ScheduleMyDayAsync(
        HttpContext http, ScheduleDayHandler schedule, PracticeClock clock, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<ScheduleDayRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (ParseDate(request!.Date, clock) is not { } date)
            return ApiProblems.Validation(DateRule(clock));
        if (request.Blocks is not { Count: > 0 } blocks)
            return ApiProblems.For(Rejection.NoBlocks);
        if (blocks.Count > SlotBlock.MaxSlotsPerDay)
            return ApiProblems.For(Rejection.TooManySlotsInDay);
        var parsed = new List<BlockOfTime>();
        foreach (var block in blocks)
        {
            if (!TimeOnly.TryParseExact(block.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ||
                !TimeOnly.TryParseExact(block.End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
                return ApiProblems.Validation("Each block needs a start and an end as HH:mm, such as 09:00.");
            parsed.Add(new BlockOfTime(start, end, RoomId: block.RoomId));
        }

        var actor = CurrentActor.From(http.User)!;
        var result = await schedule.HandleAsync(actor.Id, date, parsed, actor, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var day = result.Value!;
        return TypedResults.Created($"/api/doctors/{actor.Id}/days/{date:yyyy-MM-dd}",
            new DayDto(day.DoctorId, day.Date, day.Slots.Select(s => Slot(s.SlotId, s.StartUtc, s.EndUtc, clock)).ToArray()));
    }

    private static async Task<Results<Ok<CancelledDayDto>, ProblemHttpResult>> CancelDayAsync(
        string doctorId, string date, HttpContext http, CancelDayHandler cancel, PracticeClock clock, CancellationToken ct)
    {
        if (!Guid.TryParse(doctorId, out var doctor))
            return ApiProblems.NotFound("No such doctor.");
        if (ParseDate(date, clock) is not { } day)
            return ApiProblems.Validation(DateRule(clock));
        var (request, problem) = await ApiJson.ReadAsync<CancelDayRequest>(http.Request, ct);
        if (problem is not null) return problem;

        var result = await cancel.HandleAsync(doctor, day, request!.Reason ?? "", CurrentActor.From(http.User)!, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var cancelled = result.Value!;
        return TypedResults.Ok(new CancelledDayDto(cancelled.DoctorId, cancelled.Date, cancelled.Reason,
            cancelled.CancelledBookings.Select(b => new CancelledBookingDto(b.BookingId, b.PatientId,
                b.Slots.Select(s => Slot(s.SlotId, s.StartUtc, s.EndUtc, clock)).ToArray())).ToArray()));
    }

    /// <summary>Whom a booking is for: staff name the patient (the handler makes sure it is one); patients book for themselves.</summary>
    private static (Guid PatientId, ProblemHttpResult? Refused) PatientOf(Actor actor, Guid? named)
    {
        if (actor.IsStaff)
            return named is { } forPatient ? (forPatient, null) : (Guid.Empty, ApiProblems.Validation("Staff must name the patient (patientId)."));
        return named is { } other && other != actor.Id
            ? (Guid.Empty, ApiProblems.Forbidden("Patients book for themselves; leave patientId out."))
            : (actor.Id, null);
    }

    private static SlotDto Slot(Guid id, DateTimeOffset start, DateTimeOffset end, PracticeClock clock) =>
        new(id, clock.ToLocal(start), clock.ToLocal(end));

    /// <summary>A practice date as yyyy-MM-dd, from a year ago to two years ahead.</summary>
    private static DateOnly? ParseDate(string? text, PracticeClock clock) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date >= clock.Today.AddYears(-1) && date <= clock.Today.AddYears(2)
            ? date
            : null;

    private static string DateRule(PracticeClock clock) =>
        $"Give the date as yyyy-MM-dd, between {clock.Today.AddYears(-1):yyyy-MM-dd} and {clock.Today.AddYears(2):yyyy-MM-dd}.";
}
