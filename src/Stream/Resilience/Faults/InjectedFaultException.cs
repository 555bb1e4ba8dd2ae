namespace StreamProcessor.Stream.Resilience.Faults;

/// <summary>A fault injected on purpose; <see cref="Transient"/> says whether a retry may succeed.</summary>
public sealed class InjectedFaultException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}
