using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Features.Demo;

/// <summary>
/// Makes sure the roles exist and, when asked and the database has no users, seeds the demo practice: an owner, a
/// receptionist, three clinicians with two blocks on every weekday of the next 14 days (Dr Hart's last afternoon hour kept
/// for staff to book minor procedures, in the treatment room), a nurse (mornings, in the treatment room) and a counsellor
/// (afternoons), the visit types Vaccination, Counselling, Minor procedure (which needs a treatment room) and Diabetes
/// review (the nurse for its first 20 minutes, a doctor for its last 20) beside the built-in two, the Treatment room, and twenty patients with a few
/// bookings each (at most 4 slots of a month, so that any of them can try every online visit type).
/// </summary>
public sealed class DemoSeeder(
    RoleManager<IdentityRole<Guid>> roles,
    UserManager<ClinicUser> users,
    PracticeSettings practice,
    PracticeClock clock,
    ScheduleDayHandler schedule,
    BookSlotsHandler book,
    Admin.VisitTypes.DefineVisitTypeHandler visitTypes,
    Admin.Rooms.DefineRoomHandler rooms,
    IEventStore store,
    ICheckpoints checkpoints,
    PeopleDirectory people,
    ILogger<DemoSeeder> logger)
{
    public const string Password = "ClinicDemo1!";
    public const string PracticeName = "Demo Practice";
    public const int Clinicians = 3;
    public const int Patients = 20;

    /// <summary>A demo patient's bookings: a few, anywhere in the clinicians' days.</summary>
    public const int BookingsPerPatient = 3;

    /// <summary>At most this many of a month's 10 slots per demo patient: 6 stay free, enough for any online visit type.</summary>
    public const int SlotsPerPatientMonth = 4;

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
        }
    }

    /// <summary>A practice needs its owner before anyone can be invited: create them from configuration, once.</summary>
    public async Task EnsureOwnerAsync(string email, string password)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
            return;
        await CreateAsync(email, "Practice owner", Roles.Admin, password: password);
        logger.LogInformation("Created the practice owner's account");
    }

    public async Task SeedDemoIfEmptyAsync(CancellationToken ct = default)
    {
        if (await users.Users.AnyAsync(ct))
            return;

        await practice.SaveAsync(practice.Current with { Name = PracticeName, TimeZone = "Europe/London" }, ct);
        var owner = await CreateAsync("admin@demo.clinic", "Olivia Owner", Roles.Admin);
        await CreateAsync("reception@demo.clinic", "Rita Reception", Roles.Receptionist);
        string[] clinicianNames = ["Dr Ada Hart", "Dr Ben Okafor", "Dr Chloe Lind"];
        var clinicians = new List<ClinicUser>();
        for (var i = 1; i <= Clinicians; i++)
            clinicians.Add(await CreateAsync($"doctor{i}@demo.clinic", clinicianNames[i - 1], Roles.Doctor));
        var nurse = await CreateAsync("nurse1@demo.clinic", "Nia Shaw", Roles.Nurse);
        var counsellor = await CreateAsync("counsellor1@demo.clinic", "Cal Reyes", Roles.Counsellor);
        var byOwner = Actor.Admin(owner.Id);
        await DefineAsync(new("Vaccination", "Flu, travel and routine vaccinations with the nurse.", 10, [ClinicianKind.Nurse], [], true, "#7b1fa2"), byOwner, ct);
        await DefineAsync(new("Counselling", "A 50-minute session with the practice counsellor.", 50, [ClinicianKind.Counsellor], [], true, "#ef6c00"), byOwner, ct);
        var treatmentRoom = (await rooms.HandleAsync(null, new("Treatment room", ["treatment", "step-free"]), byOwner, ct)).Value?.RoomId
            ?? throw new InvalidOperationException("Could not seed the treatment room.");
        var procedure = await DefineAsync(
            new("Minor procedure", "Stitches, cryotherapy and similar; reception books it.", 30, [ClinicianKind.Doctor], [], false, "#c62828", "treatment"),
            byOwner, ct);
        await DefineAsync(
            new("Diabetes review", "Checks with the nurse, then the results with a doctor.", 30, [], [], true, "#2e7d32",
                Parts: [new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 10, 20)]),
            byOwner, ct);
        var patients = new List<ClinicUser>();
        for (var i = 1; i <= Patients; i++)
            patients.Add(await CreateAsync($"patient{i}@demo.clinic", $"Patient {i:00}", Roles.Patient, $"+44 7700 900{i:000}"));

        var random = new Random(20261122);
        var days = new List<DayScheduled>();
        for (var offset = 0; offset < 14; offset++)
        {
            var date = clock.Today.AddDays(offset);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                continue;
            await ScheduleAsync(nurse.Id, date, [new(new(9, 0), new(12, 0), RoomId: treatmentRoom)], Actor.Clinician(nurse.Id, ClinicianKind.Nurse), ct);
            await ScheduleAsync(counsellor.Id, date, [new(new(13, 0), new(17, 0))], Actor.Clinician(counsellor.Id, ClinicianKind.Counsellor), ct);
            foreach (var clinician in clinicians)
            {
                BlockOfTime[] hours = clinician == clinicians[0]
                    ? [new(new(9, 0), new(12, 0)), new(new(14, 0), new(16, 0)), new(new(16, 0), new(17, 0), StaffOnly: true, OnlyFor: [procedure], RoomId: treatmentRoom)]
                    : [new(new(9, 0), new(12, 0)), new(new(14, 0), new(17, 0))];
                if (await ScheduleAsync(clinician.Id, date, hours, Actor.Doctor(clinician.Id), ct) is { } day)
                    days.Add(day);
            }
        }

        // A few bookings each, anywhere in the clinicians' days: every patient keeps at least 6 of a month's 10 slots free, so a
        // visitor can try every online visit type as any demo patient (Counselling takes 5).
        var bookings = 0;
        foreach (var patient in patients)
        {
            var usedPerMonth = new Dictionary<int, int>();
            var made = 0;
            for (var tries = 0; tries < 12 && made < BookingsPerPatient; tries++)
            {
                var day = days[random.Next(days.Count)];
                var s = random.Next(day.Slots.Count);
                var wantsDouble = random.NextDouble() < 0.25 && s + 1 < day.Slots.Count && day.Slots[s + 1].StartUtc == day.Slots[s].EndUtc;
                var slotIds = wantsDouble ? new[] { day.Slots[s].SlotId, day.Slots[s + 1].SlotId } : [day.Slots[s].SlotId];
                if (usedPerMonth.GetValueOrDefault(day.Date.Month) + slotIds.Length > SlotsPerPatientMonth)
                    continue;
                if (!(await book.HandleAsync(patient.Id, slotIds, Actor.Patient(patient.Id), ct)).IsAccepted)
                    continue; // passed, too soon, taken, or over the patient's own booking: another try
                usedPerMonth[day.Date.Month] = usedPerMonth.GetValueOrDefault(day.Date.Month) + slotIds.Length;
                (made, bookings) = (made + 1, bookings + 1);
            }
        }
        // The demo's history is not news to its patients: email starts with what happens after seeding.
        await checkpoints.SaveAsync(PatientNotices.Name, await store.LastPositionAsync(ct), ct);
        logger.LogInformation("Seeded the demo practice: {Clinicians} clinicians, {Patients} patients, {Bookings} bookings", Clinicians, Patients, bookings);
    }

    /// <summary>A clinician's blocks of a day; today, only the blocks still ahead.</summary>
    private async Task<DayScheduled?> ScheduleAsync(Guid clinicianId, DateOnly date, BlockOfTime[] blocks, Actor by, CancellationToken ct)
    {
        var ahead = blocks.Where(b => PracticeTime.ToUtc(date, b.Start, clock.Zone) > clock.Now).ToArray();
        if (ahead.Length == 0)
            return null;
        var result = await schedule.HandleAsync(clinicianId, date, ahead, by, ct);
        return result.Value;
    }

    private async Task<Guid> DefineAsync(Admin.VisitTypes.VisitTypeForm form, Actor owner, CancellationToken ct)
    {
        var defined = await visitTypes.HandleAsync(null, form, owner, ct);
        return defined.Value?.VisitTypeId ?? throw new InvalidOperationException($"Could not seed the visit type {form.Name}: {defined.Rejection}");
    }

    private async Task<ClinicUser> CreateAsync(string email, string name, string role, string? phone = null, string password = Password)
    {
        var user = new ClinicUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PhoneNumber = phone,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Could not seed {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
        people.ForgetStaff();
        return user;
    }
}
