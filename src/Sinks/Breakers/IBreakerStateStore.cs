namespace StreamProcessor.Sinks.Breakers;

/// <summary>Where breaker state is persisted so that it survives restarts and is shared by replicas.</summary>
public interface IBreakerStateStore
{
    IReadOnlyDictionary<BreakerKey, BreakerRecord> ReadAll();

    void Save(BreakerRecord record);

    /// <summary>Closes every breaker that opened for missing data (called when features or models are rebuilt); returns which.</summary>
    IReadOnlyList<BreakerKey> ResetDataStarved(DateTimeOffset now);
}
