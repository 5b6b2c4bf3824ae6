using ClinicPortal.Domain.Policies;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Demo;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Unit;

/// <summary>The demo practice is there to be tried: any demo patient can book any visit type offered online.</summary>
public class DemoSeedTests
{
    [Fact]
    public async Task EveryDemoPatientHasAFewAppointments_AndRoomInEveryMonthForTheLongestOnlineVisit()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var schedule = app.Get<ScheduleReadModel>();
        var longest = (await app.Get<Availability>().VisitTypesAsync(byPatient: true)).Max(t => t.Slots);
        Assert.Equal(5, longest); // Counselling
        var booked = 0;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        for (var i = 1; i <= DemoSeeder.Patients; i++)
        {
            var patient = (await users.FindByEmailAsync($"patient{i}@demo.clinic"))!;
            var bookings = await schedule.FutureAppointmentsAsync(patient.Id, app.Clock.GetUtcNow().AddDays(-1));
            Assert.InRange(bookings.Count, 0, DemoSeeder.BookingsPerPatient);
            booked += bookings.Count;
            foreach (var month in new[] { app.Clock.GetUtcNow(), app.Clock.GetUtcNow().AddMonths(1) }.Select(t => PracticeTime.MonthOf(DateOnly.FromDateTime(t.UtcDateTime))))
                Assert.True(MonthlyQuota.MaxSlotsPerMonth - await schedule.MonthlyUsageAsync(patient.Id, month) >= longest,
                    $"patient{i} has too few slots left in {month} for a {longest}-slot visit");
        }
        Assert.True(booked >= DemoSeeder.Patients, $"only {booked} bookings for {DemoSeeder.Patients} patients"); // a few each, not none
    }
}
