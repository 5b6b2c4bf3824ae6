using ClinicPortal.Features.Booking.MyBookings;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Tests.Components.Booking;

public class BookingListAndDayViewTests
{
    private static readonly Guid Doctor = Guid.NewGuid();
    private static readonly Guid Patient = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 3, 3);
    private static readonly DateTimeOffset Nine = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Func<DateTimeOffset, string> Time = t => t.ToString("HH:mm");

    [Fact]
    public async Task MyBookingsListsEachBookingWithItsDoctorTimesAndADoubleBadge()
    {
        PatientBooking[] bookings =
        [
            new(Guid.NewGuid(), Patient, Doctor, Day, Nine, Nine.AddMinutes(10), 1, null, null),
            new(Guid.NewGuid(), Patient, Doctor, Day, Nine.AddHours(1), Nine.AddHours(1).AddMinutes(20), 2, null, null),
        ];

        var page = await ComponentRenderer.RenderAsync<BookingList>(new Dictionary<string, object?>
        {
            [nameof(BookingList.Bookings)] = bookings,
            [nameof(BookingList.DoctorNames)] = new Dictionary<Guid, string> { [Doctor] = "Dr Hart" },
            [nameof(BookingList.Time)] = Time,
        });

        var rows = page.QuerySelectorAll("[data-testid=booking]").Select(r => string.Join(" ", r.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries))).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("Tue 3 Mar 09:00–09:10 with Dr Hart Cancel", rows[0]);
        Assert.Contains("10:00–10:20 with Dr Hart double", rows[1]);
    }

    [Fact]
    public async Task NoBookingsSaysSo()
    {
        var page = await ComponentRenderer.RenderAsync<BookingList>(new Dictionary<string, object?>
        {
            [nameof(BookingList.Bookings)] = Array.Empty<PatientBooking>(),
            [nameof(BookingList.DoctorNames)] = new Dictionary<Guid, string>(),
            [nameof(BookingList.Time)] = Time,
        });

        Assert.NotNull(page.QuerySelector("[data-testid=no-bookings]"));
    }

    [Fact]
    public async Task TheDayViewShowsWhoHoldsEachSlotAndOffersStaffACancelForFutureBookings()
    {
        var booking = Guid.NewGuid();
        var day = new DoctorDayView(Doctor, Day, false, null,
        [
            new DoctorDaySlot(Guid.NewGuid(), Nine, null, null, null),
            new DoctorDaySlot(Guid.NewGuid(), Nine.AddMinutes(10), booking, Patient, null),
        ]);

        var page = await ComponentRenderer.RenderAsync<DayView>(new Dictionary<string, object?>
        {
            [nameof(DayView.Day)] = day,
            [nameof(DayView.DoctorName)] = "Dr Hart",
            [nameof(DayView.Time)] = Time,
            [nameof(DayView.PatientNames)] = new Dictionary<Guid, string> { [Patient] = "Pat Lee" },
            [nameof(DayView.Now)] = Nine.AddHours(-1),
            [nameof(DayView.ManageBookings)] = true,
        });

        var slots = page.QuerySelectorAll("[data-testid=day-slot]");
        Assert.Equal(2, slots.Length);
        Assert.Contains("free", slots[0].TextContent);
        Assert.Equal("Pat Lee", slots[1].QuerySelector("[data-testid=booked-patient]")!.TextContent.Trim());
        Assert.Equal("Cancel booking", slots[1].QuerySelector("button")!.TextContent.Trim());
        Assert.Null(slots[0].QuerySelector("button"));
    }

    [Fact]
    public async Task ACancelledDayShowsItsReasonInsteadOfSlots()
    {
        var page = await ComponentRenderer.RenderAsync<DayView>(new Dictionary<string, object?>
        {
            [nameof(DayView.Day)] = new DoctorDayView(Doctor, Day, true, "Training day", []),
            [nameof(DayView.DoctorName)] = "Dr Hart",
            [nameof(DayView.Time)] = Time,
        });

        Assert.Equal("This day was cancelled: Training day", page.QuerySelector("[data-testid=day-cancelled]")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("[data-testid=day-slot]"));
    }
}
