using ClinicPortal.Domain;
using ClinicPortal.Features.Api;

namespace ClinicPortal.Tests.Unit;

public class ApiErrorCodeTests
{
    [Theory]
    [InlineData(Rejection.SlotAlreadyBooked, "slot_already_booked")]
    [InlineData(Rejection.NotAPatient, "not_a_patient")]
    [InlineData(Rejection.PatientAlreadyBookedAtThatTime, "patient_already_booked_at_that_time")]
    [InlineData(Rejection.NotYourAppointment, "not_found")]
    [InlineData(Rejection.RoomAlreadyBooked, "room_already_booked")]
    [InlineData(Rejection.VisitTypeNotBookableOnline, "service_not_bookable_online")] // the codes keep the contract's word
    [InlineData(Rejection.SlotsNotFreeForVisitType, "slots_not_free_for_service")]
    [InlineData(Rejection.ClinicianDoesNotGiveVisitType, "clinician_does_not_give_service")]
    public void EachRejectionHasASnakeCaseCodeWordByWord(Rejection rejection, string code) =>
        Assert.Equal(code, ApiProblems.ErrorCode(rejection));
}
