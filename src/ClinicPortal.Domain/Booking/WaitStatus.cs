namespace ClinicPortal.Domain.Booking;

public enum WaitStatus { Waiting, Offered, Booked, Missed, Left }
