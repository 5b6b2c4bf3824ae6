using ClinicPortal.Domain.Policies;

namespace ClinicPortal.Application.Ports;

/// <summary>What the owner has set that decisions take into account: when patients may book, move and cancel online.</summary>
public interface IPracticeRules
{
    BookingWindow BookingWindow { get; }
}
