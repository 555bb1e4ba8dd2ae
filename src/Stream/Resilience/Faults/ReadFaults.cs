namespace StreamProcessor.Stream.Resilience.Faults;

/// <summary>Counts a store's calls and throws the injected fault for the ones <see cref="ReadFaultOptions"/> says should fail.</summary>
internal sealed class ReadFaults(string store, ReadFaultOptions options)
{
    private int _calls;

    public void ThrowIfFaulty()
    {
        if (options.Permanent) throw new InjectedFaultException($"injected permanent {store} failure", transient: false);
        var call = Interlocked.Increment(ref _calls);
        if (call <= options.TransientFailures)
            throw new InjectedFaultException($"injected transient {store} failure (call {call} of {options.TransientFailures} failing)", transient: true);
    }
}
