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

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed the demo practice when the database has no users (true for `dotnet run`, false in Production).</summary>
    public bool Demo { get; set; }

    /// <summary>With <see cref="AdminPassword"/>: the practice owner's account, created when no admin exists yet.</summary>
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}

/// <summary>
/// Makes sure the four roles exist and, when asked and the database has no users, seeds the demo practice:
/// an owner, a receptionist, three doctors with two blocks on every weekday of the next 14 days, and
/// twenty patients with a scatter of bookings.
/// </summary>
public sealed class DemoSeeder(
    RoleManager<IdentityRole<Guid>> roles,
    UserManager<ClinicUser> users,
    PracticeSettings practice,
    PracticeClock clock,
    ScheduleDayHandler schedule,
    BookSlotsHandler book,
    IEventStore store,
    ICheckpoints checkpoints,
    PeopleDirectory people,
    ILogger<DemoSeeder> logger)
{
    public const string Password = "ClinicDemo1!";
    public const string PracticeName = "Demo Practice";
    public const int Doctors = 3;
    public const int Patients = 20;

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
        await CreateAsync("admin@demo.clinic", "Olivia Owner", Roles.Admin);
        await CreateAsync("reception@demo.clinic", "Rita Reception", Roles.Receptionist);
        string[] doctorNames = ["Dr Ada Hart", "Dr Ben Okafor", "Dr Chloe Lind"];
        var doctors = new List<ClinicUser>();
        for (var i = 1; i <= Doctors; i++)
            doctors.Add(await CreateAsync($"doctor{i}@demo.clinic", doctorNames[i - 1], Roles.Doctor));
        var patients = new List<ClinicUser>();
        for (var i = 1; i <= Patients; i++)
            patients.Add(await CreateAsync($"patient{i}@demo.clinic", $"Patient {i:00}", Roles.Patient, $"+44 7700 900{i:000}"));

        var random = new Random(20261122);
        var usedPerPatientMonth = new Dictionary<(Guid, int), int>();
        var bookings = 0;
        for (var offset = 0; offset < 14; offset++)
        {
            var date = clock.Today.AddDays(offset);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                continue;
            foreach (var doctor in doctors)
            {
                var day = await ScheduleAsync(doctor.Id, date, ct);
                if (day is null)
                    continue;
                for (var s = 0; s < day.Slots.Count; s++)
                {
                    if (random.NextDouble() > 0.25)
                        continue;
                    var patient = patients[random.Next(patients.Count)];
                    var key = (patient.Id, date.Month);
                    var wantsDouble = random.NextDouble() < 0.2 && s + 1 < day.Slots.Count && day.Slots[s + 1].StartUtc == day.Slots[s].EndUtc;
                    var slotIds = wantsDouble ? new[] { day.Slots[s].SlotId, day.Slots[s + 1].SlotId } : [day.Slots[s].SlotId];
                    if (usedPerPatientMonth.GetValueOrDefault(key) + slotIds.Length > 8)
                        continue;
                    var result = await book.HandleAsync(patient.Id, slotIds, Actor.Patient(patient.Id), ct);
                    if (!result.IsAccepted)
                        continue;
                    usedPerPatientMonth[key] = usedPerPatientMonth.GetValueOrDefault(key) + slotIds.Length;
                    bookings++;
                    s += slotIds.Length - 1;
                }
            }
        }
        // The demo's history is not news to its patients: email starts with what happens after seeding.
        await checkpoints.SaveAsync(PatientNotices.Name, await store.LastPositionAsync(ct), ct);
        logger.LogInformation("Seeded the demo practice: {Doctors} doctors, {Patients} patients, {Bookings} bookings", Doctors, Patients, bookings);
    }

    /// <summary>09:00–12:00 and 14:00–17:00; today, only the blocks still ahead.</summary>
    private async Task<DayScheduled?> ScheduleAsync(Guid doctorId, DateOnly date, CancellationToken ct)
    {
        BlockOfTime[] blocks = [new(new(9, 0), new(12, 0)), new(new(14, 0), new(17, 0))];
        var ahead = blocks.Where(b => PracticeTime.ToUtc(date, b.Start, clock.Zone) > clock.Now).ToArray();
        if (ahead.Length == 0)
            return null;
        var result = await schedule.HandleAsync(doctorId, date, ahead, Actor.Doctor(doctorId), ct);
        return result.Value;
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

public static class DemoSeeding
{
    /// <summary>Roles always; the demo practice when Seed:Demo is set and there are no users yet; the owner from Seed:AdminEmail.</summary>
    public static async Task SeedAccountsAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.EnsureRolesAsync();
        var seed = configuration.GetSection(SeedOptions.Section).Get<SeedOptions>() ?? new SeedOptions();
        if (seed.Demo)
            await seeder.SeedDemoIfEmptyAsync();
        if (!string.IsNullOrWhiteSpace(seed.AdminEmail) && !string.IsNullOrEmpty(seed.AdminPassword))
            await seeder.EnsureOwnerAsync(seed.AdminEmail, seed.AdminPassword);
    }
}
