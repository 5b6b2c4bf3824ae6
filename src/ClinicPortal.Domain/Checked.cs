namespace ClinicPortal.Domain;

/// <summary>Either a value the rules accepted, or the rejection that refused it.</summary>
public readonly record struct Checked<T>
{
    private Checked(T? value, Rejection? rejection)
    {
        Value = value;
        Rejection = rejection;
    }

    public T? Value { get; }
    public Rejection? Rejection { get; }
    public bool IsAccepted => Rejection is null;

    public static Checked<T> Accepted(T value) => new(value, null);
    public static Checked<T> Rejected(Rejection rejection) => new(default, rejection);

    public static implicit operator Checked<T>(Rejection rejection) => Rejected(rejection);
    public static implicit operator Checked<T>(T value) => Accepted(value);
}
