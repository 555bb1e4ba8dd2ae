namespace StreamProcessor.Sinks.Breakers;

/// <summary>Where breaker state is persisted so that it survives restarts and is shared by replicas.</summary>
public interface IBreakerStateStore
{
    IReadOnlyDictionary<string, BreakerRecord> ReadAll();

    void Save(BreakerRecord record);

    /// <summary>Closes every breaker that opened for missing data (called when features are rebuilt); returns their ids.</summary>
    IReadOnlyList<string> ResetDataStarved(DateTimeOffset now);
}
