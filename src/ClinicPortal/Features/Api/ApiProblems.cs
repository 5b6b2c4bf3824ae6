using Microsoft.AspNetCore.WebUtilities;
using System.Text.RegularExpressions;
using ClinicPortal.Domain;
using ClinicPortal.Features.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicPortal.Features.Api;

/// <summary>
/// Every API error is RFC 7807 problem details with a machine-readable <c>error</c> code: 400 bad input,
/// 401/403, 404 for anything the caller may not see, 409 for a rejection caused by the current state, 429 when
/// rate-limited. The <c>detail</c> is the same sentence the pages show.
/// </summary>
public static partial class ApiProblems
{
    public static ProblemHttpResult For(Rejection rejection) =>
        Problem(StatusOf(rejection), ErrorCode(rejection), RejectionText.For(rejection));

    public static ProblemHttpResult Validation(string detail) => Problem(StatusCodes.Status400BadRequest, "validation_failed", detail);

    public static ProblemHttpResult NotFound(string detail = "There is nothing here for you.") => Problem(StatusCodes.Status404NotFound, "not_found", detail);

    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "forbidden", detail);

    public static ProblemHttpResult Problem(int status, string error, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: TitleOf(status), extensions: new Dictionary<string, object?> { ["error"] = error });

    public static int StatusOf(Rejection rejection) => rejection switch
    {
        Rejection.NotOnSlotBoundary or Rejection.BlockEndsBeforeItStarts or Rejection.NoBlocks or Rejection.BlocksOverlap
            or Rejection.NoSlotsChosen or Rejection.TooManySlotsInOneAppointment or Rejection.ReasonRequired or Rejection.TimeDoesNotExist
            or Rejection.ReasonTooLong or Rejection.VisitTypeNameRequired or Rejection.VisitTypeDescriptionTooLong
            or Rejection.VisitTypeLengthInvalid or Rejection.VisitTypeNeedsClinicians or Rejection.VisitTypeColourInvalid
            or Rejection.VisitTypePartsInvalid or Rejection.PartsInvalid
            or Rejection.RoomNameRequired or Rejection.RoomFeaturesInvalid or Rejection.OverrideReasonRequired
            => StatusCodes.Status400BadRequest,
        Rejection.NotAllowed or Rejection.NotYourDay => StatusCodes.Status403Forbidden,
        Rejection.NotAPatient or Rejection.PatientDeactivated => StatusCodes.Status422UnprocessableEntity,
        // Another patient's booking is as absent as one that never was.
        Rejection.SlotNotFound or Rejection.AppointmentNotFound or Rejection.NotYourAppointment or Rejection.VisitTypeNotFound
            or Rejection.RoomNotFound or Rejection.PartNotFound or Rejection.HoldNotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>"SlotAlreadyBooked" → "slot_already_booked"; a rejection the caller may not see is "not_found".</summary>
    public static string ErrorCode(Rejection rejection) => rejection switch
    {
        Rejection.NotYourAppointment => "not_found",
        // The contract's codes from when the API called a visit type a service.
        Rejection.VisitTypeNotBookableOnline => "service_not_bookable_online",
        Rejection.SlotsNotFreeForVisitType => "slots_not_free_for_service",
        Rejection.ClinicianDoesNotGiveVisitType => "clinician_does_not_give_service",
        // The contract's word for an appointment stays booking: booking_not_found, not_your_booking…
        _ => Words().Replace(rejection.ToString().Replace("Appointment", "Booking", StringComparison.Ordinal), "_").ToLowerInvariant(),
    };

    /// <summary>Problem details for responses that have no body of their own (401, 403, 404, 405, 415, …).</summary>
    public static async Task WriteStatusAsync(StatusCodeContext context)
    {
        var response = context.HttpContext.Response;
        await Problem(response.StatusCode, ErrorCodeOf(response.StatusCode), TitleOf(response.StatusCode)).ExecuteAsync(context.HttpContext);
    }

    /// <summary>The code for a status that carries no rejection of its own.</summary>
    public static string ErrorCodeOf(int status) => status switch
    {
        400 => "validation_failed",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        500 => "internal_error",
        _ => "error",
    };

    /// <summary>Anything unhandled under /api: a 500 problem (logged with the request id by the middleware), never a page or a stack trace.</summary>
    public static void HandleExceptions(IApplicationBuilder api) => api.Run(async context =>
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var result = error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            ? Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The body may be at most {ApiJson.MaxBodyBytes / 1024} KB.")
            : error is BadHttpRequestException bad
            ? Problem(bad.StatusCode, "validation_failed", "The request could not be read.")
            : Problem(StatusCodes.Status500InternalServerError, "internal_error", $"Something went wrong. Reference: {context.TraceIdentifier}");
        await result.ExecuteAsync(context);
    });

    private static string TitleOf(int status) => status switch
    {
        400 => "Bad request",
        401 => "Sign-in required",
        403 => "Not allowed",
        404 => "Not found",
        409 => "Conflict with the current state",
        429 => "Too many requests",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    // Between a small letter and a capital, and before the last capital of a run ("NotAPatient" → not_a_patient).
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex Words();
}
