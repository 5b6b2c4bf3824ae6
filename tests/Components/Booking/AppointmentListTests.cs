using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.MyAppointments;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Tests.Components.Booking;

public class AppointmentListTests : ClinicTestContext
{
    private static readonly Guid Clinician = Guid.NewGuid();
    private static readonly Guid Patient = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 3, 3);
    private static readonly DateTimeOffset Nine = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly PatientAppointment[] Appointments =
    [
        new(Guid.NewGuid(), Patient, Clinician, Day, Nine, Nine.AddMinutes(10), 1, null, null, VisitType.ConsultationId),
        new(Guid.NewGuid(), Patient, Clinician, Day, Nine.AddHours(1), Nine.AddHours(1).AddMinutes(20), 2, null, null, VisitType.LongConsultationId),
    ];

    private readonly List<PatientAppointment> cancelled = [];

    private IRenderedComponent<AppointmentList> Render(IReadOnlyList<PatientAppointment> bookings) =>
        Render<AppointmentList>(ps => ps
            .Add(p => p.Appointments, bookings)
            .Add(p => p.ClinicianNames, new Dictionary<Guid, string> { [Clinician] = "Dr Hart" })
            .Add(p => p.Time, t => t.ToString("HH:mm"))
            .Add(p => p.VisitTypes, VisitType.BuiltIn.ToDictionary(t => t.Id))
            .Add(p => p.OnCancel, (PatientAppointment b) => cancelled.Add(b)));

    private static string Text(AngleSharp.Dom.IElement element) => string.Join(" ", element.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void EachAppointmentShowsItsDayTimesClinicianAndVisitType()
    {
        var list = Render(Appointments);

        var rows = list.FindAll("[data-testid=booking]").Select(Text).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("Tue 3 Mar 09:00–09:10 with Dr Hart Consultation", rows[0]);
        Assert.Equal(["Move", "Cancel"], list.FindAll("[data-testid=booking]")[0].QuerySelectorAll("a, button").Select(b => b.TextContent.Trim()));
        Assert.Contains("10:00–10:20 with Dr Hart Long consultation", rows[1]);
    }

    [Fact]
    public void PressingCancelAsksAboutThatAppointmentOnly()
    {
        var list = Render(Appointments);

        list.Find("button[aria-label='Cancel Tuesday 3 March at 10:00']").Click();

        Assert.Equal(Appointments[1].AppointmentId, Assert.Single(cancelled).AppointmentId);
    }

    [Fact]
    public void NoAppointmentsSaysSo()
    {
        var list = Render([]);

        Assert.Equal("You have no upcoming appointments.", list.Find("[data-testid=no-bookings]").TextContent.Trim());
    }

    [Fact]
    public void AVisitThePracticeBooksHasNoMoveButton_ForItIsMovedByPhone()
    {
        var staffBooked = new VisitType(Guid.NewGuid(), "Minor procedure", "", 30, [ClinicPortal.Domain.ClinicianKind.Doctor], [], false, "#c62828");
        var list = Render<AppointmentList>(ps => ps
            .Add(p => p.Appointments, [Appointments[0], Appointments[1] with { VisitTypeId = staffBooked.Id }])
            .Add(p => p.ClinicianNames, new Dictionary<Guid, string> { [Clinician] = "Dr Hart" })
            .Add(p => p.Time, t => t.ToString("HH:mm"))
            .Add(p => p.VisitTypes, VisitType.BuiltIn.Append(staffBooked).ToDictionary(t => t.Id)));

        var rows = list.FindAll("[data-testid=booking]");
        Assert.Contains("Move", rows[0].TextContent);
        Assert.DoesNotContain("Move", rows[1].TextContent);
        Assert.Contains("Minor procedure", rows[1].TextContent);
    }

    [Fact]
    public void AnAppointmentWithinTheCutOff_SaysWhomToCall_InsteadOfOfferingMoveOrCancel()
    {
        var list = Render<AppointmentList>(ps => ps
            .Add(p => p.Appointments, Appointments)
            .Add(p => p.ClinicianNames, new Dictionary<Guid, string> { [Clinician] = "Dr Hart" })
            .Add(p => p.Time, t => t.ToString("HH:mm"))
            .Add(p => p.ChangeableFrom, Nine.AddMinutes(30))
            .Add(p => p.TooLateText, "Within 24 hours of the start it can no longer be changed online: call 020 7946 0000 to change it."));

        var rows = list.FindAll("[data-testid=booking]");
        Assert.Contains("call 020 7946 0000", rows[0].QuerySelector("[data-testid=too-late-to-change]")!.TextContent);
        Assert.Empty(rows[0].QuerySelectorAll("a, button"));
        Assert.Equal(["Move", "Cancel"], rows[1].QuerySelectorAll("a, button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void ASeriesIsSaidOnceAboveItsFirstAppointment_WithCancelTheRest_AndEachOfItsAppointmentsIsMarked()
    {
        var series = Guid.NewGuid();
        var ofSeries = Appointments.Select(a => a with { SeriesId = series }).ToArray();
        var asked = new List<PatientAppointment>();
        var list = Render<AppointmentList>(ps => ps
            .Add(p => p.Appointments, ofSeries)
            .Add(p => p.ClinicianNames, new Dictionary<Guid, string> { [Clinician] = "Dr Hart" })
            .Add(p => p.Time, t => t.ToString("HH:mm"))
            .Add(p => p.Series, new Dictionary<Guid, string> { [series] = "Consultation, Tuesdays 09:00, 2 of 4 to come" })
            .Add(p => p.OnCancelSeries, (PatientAppointment b) => asked.Add(b)));

        Assert.Equal("Series: Consultation, Tuesdays 09:00, 2 of 4 to come", Text(list.Find("[data-testid=series] .booking-text")));
        Assert.All(list.FindAll("[data-testid=booking]"), row => Assert.Contains("(series)", row.TextContent));
        list.Find("[data-testid=cancel-series]").Click();
        Assert.Equal(ofSeries[0], Assert.Single(asked));
        Assert.Empty(Render(Appointments).FindAll("[data-testid=series]"));
    }

    [Fact]
    public void AnAccountsDependantsAppointments_SayWhoseTheyAre_AndTheHoldersOwnSayNothing()
    {
        var sam = Guid.NewGuid();
        var list = Render<AppointmentList>(ps => ps
            .Add(p => p.Appointments, [Appointments[0], Appointments[1] with { PatientId = sam }])
            .Add(p => p.ClinicianNames, new Dictionary<Guid, string> { [Clinician] = "Dr Hart" })
            .Add(p => p.Time, t => t.ToString("HH:mm"))
            .Add(p => p.ForNames, new Dictionary<Guid, string> { [sam] = "Sam Okafor" }));

        var rows = list.FindAll("[data-testid=booking]");
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=booking-for]"));
        Assert.Equal("for Sam Okafor", Text(rows[1].QuerySelector("[data-testid=booking-for]")!));
    }
}
