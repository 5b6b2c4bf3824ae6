using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ClinicPortal.Features.Booking.BookSeries;

public partial class SeriesPage
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private Domain.Actor? actor;
    private Person? patient;

    /// <summary>A patient and the people their account books for (My account): whom a series of theirs may be for.</summary>
    private IReadOnlyList<Person> household = [];
    private IReadOnlyList<VisitType> visitTypes = [];
    private IReadOnlyList<Clinician> clinicians = [];
    private Guid visitTypeId;
    private Guid clinicianId;
    private DateOnly first;
    private TimeOnly time = new(9, 0);
    private int everyWeeks = 1;
    private int occurrences = 6;
    private SeriesPlan? plan;
    private Dictionary<DateOnly, DateTimeOffset> chosen = [];
    private string? problem;
    private bool busy;
    private bool loaded;

    private bool ByPatient => actor?.Role == Domain.Role.Patient;

    private int ToBook => plan is null ? 0 : plan.Dates.Count(d => d.Bookable || chosen.ContainsKey(d.Date));

    protected override async Task OnInitializedAsync()
    {
        actor = CurrentActor.From((await AuthenticationState).User);
        // Patients book a series of the visit types the owner marked for it, for themselves.
        visitTypes = (await Availability.VisitTypesAsync(ByPatient)).Where(t => !ByPatient || t.PatientsBookSeries).ToArray();
        if (ByPatient)
        {
            actor = await People.SpeakingAsync(actor!);
            patient = await People.FindAsync(actor.Id);
            household = patient is null ? [] : actor.Dependants.Count == 0 ? [patient]
                : [patient, .. (await Dependants.OfAsync(actor.Id)).Select(d => new Person(d.Id, d.Name, "", d.Phone, true))];
        }
        loaded = true;
        visitTypeId = visitTypes.FirstOrDefault()?.Id ?? Guid.Empty;
        first = Clock.Today.AddDays(1);
        await ChangeVisitTypeAsync(visitTypeId);
    }

    private string Name(Guid? clinician) => clinicians.FirstOrDefault(c => c.Id == clinician)?.Name ?? "the clinician";

    private SeriesRequest Request => new(patient?.Id ?? Guid.Empty, visitTypeId, clinicianId == Guid.Empty ? null : clinicianId,
        first.ToDateTime(time), everyWeeks, occurrences, null);

    private async Task<IEnumerable<Person>> SearchPatientsAsync(string text, CancellationToken ct) => await People.SearchPatientsAsync(text ?? "", ct);

    // Any change to what is asked makes the dates shown out of date: they are asked for again.
    private void Changed()
    {
        plan = null;
        chosen = [];
        problem = null;
    }

    private void ChoosePatient(Person? chosenPatient) { if (!ByPatient) patient = chosenPatient; Changed(); }
    private void ChooseForWhom(Guid id) { patient = household.FirstOrDefault(p => p.Id == id) ?? patient; Changed(); }
    private void ChangeClinician(Guid id) { clinicianId = id; Changed(); }
    private void ChangeFirst(DateTime? date) { if (date is { } value) first = DateOnly.FromDateTime(value); Changed(); }
    private void ChangeTime(TimeOnly value) { time = value; Changed(); }
    private void ChangeEvery(int value) { everyWeeks = value; Changed(); }
    private void ChangeCount(int value) { occurrences = value; Changed(); }

    private async Task ChangeVisitTypeAsync(Guid id)
    {
        visitTypeId = id;
        clinicians = visitTypes.FirstOrDefault(t => t.Id == id) is { } type ? await Availability.CliniciansGivingAsync(type) : [];
        if (clinicians.All(c => c.Id != clinicianId))
            clinicianId = Guid.Empty;
        Changed();
    }

    private void Choose(DateOnly date, DateTimeOffset start)
    {
        if (chosen.TryGetValue(date, out var already) && already == start)
            chosen.Remove(date); // chosen again: left out after all
        else
            chosen[date] = start;
    }

    private async Task PlanAsync()
    {
        busy = true;
        try
        {
            Changed();
            var (made, wrong) = await Series.PlanAsync(Request, actor!);
            (plan, problem) = (made, wrong);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task BookAsync()
    {
        if (plan is null)
            return;
        busy = true;
        try
        {
            var outcome = await Series.BookAsync(Request, actor!, plan, chosen);
            if (outcome.Booked is { } booked)
            {
                Snackbar.Done($"Series booked: {booked.Count} appointments", $"{(ByPatient ? "You are" : $"{patient?.Name} is")} emailed every date, with a calendar file.");
                plan = null;
                chosen = [];
            }
            else if (outcome.Plan is { } again)
            {
                plan = again;
                chosen = chosen.Where(c => again.Dates.Any(d => d.Date == c.Key && d.Alternatives.Any(a => a.Offer.StartUtc == c.Value)))
                    .ToDictionary(c => c.Key, c => c.Value);
            }
            else if (outcome.Refusal is { } refusal)
                Snackbar.Refused("Not booked", refusal);
            else
                (plan, problem) = (outcome.Plan ?? plan, outcome.Problem);
        }
        finally
        {
            busy = false;
        }
    }
}
