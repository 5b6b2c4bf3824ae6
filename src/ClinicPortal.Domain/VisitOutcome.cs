namespace ClinicPortal.Domain;

public enum VisitOutcome
{
    Arrived,
    NoShow,
}
