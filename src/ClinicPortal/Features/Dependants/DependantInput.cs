using System.ComponentModel.DataAnnotations;
using ClinicPortal.Infrastructure.Accounts;

namespace ClinicPortal.Features.Dependants;

/// <summary>The dependant form's fields, each said next to itself when wrong (the service checks them again).</summary>
public sealed class DependantInput
{
    [Required(ErrorMessage = "Enter their full name."), StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter their date of birth.")]
    public DateTime? DateOfBirth { get; set; }

    [Phone(ErrorMessage = "Enter a valid phone number, or leave it empty.")]
    public string? Phone { get; set; }

    public DependantDetails Details => new(Name, DateOfBirth is { } born ? DateOnly.FromDateTime(born) : null, Phone);

    public static DependantInput Of(Dependant? dependant) => dependant is null ? new()
        : new() { Name = dependant.Name, DateOfBirth = dependant.DateOfBirth.ToDateTime(TimeOnly.MinValue), Phone = dependant.Phone };
}
