namespace ClinicPortal.Domain.Booking;

public enum HoldStatus { Pending, Confirmed, Released, Expired }
