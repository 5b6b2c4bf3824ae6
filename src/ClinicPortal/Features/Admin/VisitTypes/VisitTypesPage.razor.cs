using Microsoft.AspNetCore.Components;
using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Domain;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ClinicPortal.Features.Admin.VisitTypes;

public partial class VisitTypesPage
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private Actor? actor;
    private IReadOnlyList<VisitType>? types;
    private IReadOnlyList<Clinician> clinicians = [];
    private VisitType? editing;
    private FormInput form = new();
    private IReadOnlyList<string> features = [];
    private string? nameError, descriptionError, lengthError, givenByError, colourError, roomError, partsError, formError;

    /// <summary>One part of a visit of several clinicians, as the form edits it.</summary>
    private sealed class PartInput
    {
        public ClinicianKind Kind { get; set; }
        public int Offset { get; set; }
        public int Minutes { get; set; } = 20;
    }

    private sealed class FormInput
    {
        public string Name { get; set; } = "";
        public string Description { get; set; } = "";
        public int Minutes { get; set; } = 10;
        public HashSet<ClinicianKind> Kinds { get; set; } = [ClinicianKind.Doctor];
        public IReadOnlyCollection<Guid> Clinicians { get; set; } = [];
        public bool BookableOnline { get; set; } = true;
        public bool PatientsBookSeries { get; set; }
        public string Colour { get; set; } = "#546e7a";
        public string? RoomFeature { get; set; }

        /// <summary>Null: one clinician gives the whole visit.</summary>
        public List<PartInput>? Parts { get; set; }
    }

    private void ToggleParts(bool on) =>
        form.Parts = on
            ? [new() { Kind = ClinicianKind.Nurse, Offset = 0, Minutes = 20 }, new() { Kind = ClinicianKind.Doctor, Offset = 10, Minutes = 20 }]
            : null;

    private void AddPart()
    {
        var parts = form.Parts!;
        var unused = Enum.GetValues<ClinicianKind>().Except(parts.Select(p => p.Kind)).FirstOrDefault();
        parts.Add(new() { Kind = unused, Offset = parts.Max(p => p.Offset + p.Minutes), Minutes = 10 });
    }

    protected override async Task OnPageInitializedAsync()
    {
        actor = CurrentActor.From((await AuthenticationState).User);
        clinicians = (await People.CliniciansAsync()).Where(c => c.IsActive).ToArray();
        await LoadAsync();
    }

    protected override bool Shows(Appended appended) => appended.Touches(Tag.VisitTypes) || appended.Touches(Tag.Rooms);

    protected override async Task LoadAsync()
    {
        types = await Catalogue.AllAsync();
        features = await Rooms.FeaturesAsync();
    }

    private string GivenBy(VisitType type)
    {
        if (type.Parts is { } parts)
            return string.Join(", then ", parts.Select(p => $"a {KindName(p.Kind).ToLowerInvariant()} {p.OffsetMinutes}–{p.EndMinutes} min"));
        var named = type.GivenByClinicians.Select(id => clinicians.FirstOrDefault(c => c.Id == id)?.Name).OfType<string>();
        return string.Join(", ", type.GivenByKinds.Select(k => $"every {KindName(k).ToLowerInvariant()}").Concat(named));
    }

    private static string KindName(ClinicianKind kind) => kind.ToString();

    private void Toggle(ClinicianKind kind, bool on)
    {
        if (on) form.Kinds.Add(kind); else form.Kinds.Remove(kind);
    }

    private void Edit(VisitType type)
    {
        editing = type;
        form = new FormInput
        {
            Name = type.Name, Description = type.Description, Minutes = type.Minutes, Kinds = [.. type.GivenByKinds],
            Clinicians = type.GivenByClinicians.ToArray(), BookableOnline = type.BookableOnline, PatientsBookSeries = type.PatientsBookSeries, Colour = type.Colour, RoomFeature = type.RoomFeature,
            Parts = type.Parts?.Select(p => new PartInput { Kind = p.Kind, Offset = p.OffsetMinutes, Minutes = p.Minutes }).ToList(),
        };
        ClearErrors();
    }

    private void StartNew()
    {
        editing = null;
        form = new();
        ClearErrors();
    }

    private void ClearErrors()
    {
        nameError = descriptionError = lengthError = givenByError = colourError = roomError = partsError = formError = null;
        partProblems = new Dictionary<int, string>();
    }

    /// <summary>What is wrong with each part, said next to it once a save is refused for the parts.</summary>
    private IReadOnlyDictionary<int, string> partProblems = new Dictionary<int, string>();

    private async Task SaveAsync()
    {
        if (actor is null) return;
        ClearErrors();
        var input = new VisitTypeForm(form.Name, form.Description, form.Minutes, form.Kinds.ToArray(), form.Clinicians.ToArray(), form.BookableOnline, form.Colour,
            form.RoomFeature, form.Parts?.Select(p => new VisitPart(p.Kind, p.Offset, p.Minutes)).ToArray(), form.BookableOnline && form.PatientsBookSeries);
        var wasNew = editing is null;
        await RunAsync(async () =>
        {
            var result = await Define.HandleAsync(editing?.Id, input, actor);
            if (result.IsAccepted)
            {
                Snackbar.Done(wasNew ? "Visit type added" : "Visit type saved", result.Value!.Name);
                // A visit of several clinicians is offered only where its parts' clinicians are free together: say when none is.
                var saved = VisitType.From(result.Value!);
                if (saved.HasParts && await Availability.NextAsync(saved, Clock.Today, byPatient: false) is null)
                    Snackbar.Info("Not bookable yet",
                        $"No {string.Join(" and ", saved.Parts!.Select(p => KindName(p.Kind).ToLowerInvariant()))} are free together for it in the next {ClinicPortal.Features.Booking.BookSlots.Availability.NextAvailableDays} days, so it cannot be booked until their days are scheduled to meet.");
                StartNew();
                return;
            }
            var message = RejectionText.For(result.Rejection!.Value);
            switch (result.Rejection)
            {
                case Rejection.VisitTypeNameRequired or Rejection.VisitTypeNameTaken: nameError = message; break;
                case Rejection.VisitTypeDescriptionTooLong: descriptionError = message; break;
                case Rejection.VisitTypeLengthInvalid when form.Parts is not null: partsError = message; break;
                case Rejection.VisitTypePartsInvalid:
                    partProblems = VisitPart.Problems(form.Parts!.Select(p => new VisitPart(p.Kind, p.Offset, p.Minutes)).ToArray());
                    partsError = message; // the rule, under the parts; and what breaks it, next to each part that does
                    break;
                case Rejection.VisitTypeLengthInvalid: lengthError = message; break;
                case Rejection.VisitTypeNeedsClinicians: givenByError = message; break;
                case Rejection.VisitTypeColourInvalid: colourError = message; break;
                case Rejection.RoomFeaturesInvalid: roomError = message; break;
                default: formError = message; break;
            }
        });
    }
}
