namespace ClinicPortal.Hosting;

public sealed record MemoryFigures(int Circuits, long ManagedHeapBytes, long CommittedBytes, long WorkingSetBytes);
