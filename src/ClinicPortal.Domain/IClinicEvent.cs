namespace ClinicPortal.Domain;

/// <summary>Something that happened in the practice; the log of these is the source of truth.</summary>
public interface IClinicEvent;
