using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Systems.Domain;
using static StreamProcessor.Google.BigQuery.Tests.Fixtures;

namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>Breaker state shared between two replicas through one BigQuery table.</summary>
public sealed class BigQueryBreakerStateTests
{
    private static BreakerKey Key(string system) => new(system, PropType.Points);

    private static BreakerRecord Open(string system, string cause, DateTimeOffset at, PropType prop = PropType.Points) => new()
    {
        SystemId = system, Prop = prop, State = BreakerRecord.Open, FailureCount = 5, Threshold = 5, TimeoutSeconds = 300,
        OpenedAt = at, OpenCause = cause, LastFailures = ["timeout", "timeout"], UpdatedAt = at,
    };

    [Fact]
    public async Task A_breaker_one_replica_opens_is_read_by_another_and_its_latest_transition_wins()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        await using var replicaA = new BigQueryWarehouse(new BigQueryStorageOptions { Project = EmulatorProcess.Project, EmulatorHost = emulator.Host });
        await using var replicaB = new BigQueryWarehouse(new BigQueryStorageOptions { Project = EmulatorProcess.Project, EmulatorHost = emulator.Host });

        replicaA.BreakerState.Save(Open("xgboost_v1", BreakerRecord.CauseSystemError, Noon));
        var seen = Assert.Single(replicaB.BreakerState.ReadAll());
        Assert.Equal(Open("xgboost_v1", BreakerRecord.CauseSystemError, Noon) with { LastFailures = seen.Value.LastFailures }, seen.Value);
        Assert.Equal(["timeout", "timeout"], seen.Value.LastFailures);

        replicaA.BreakerState.Save(seen.Value with { State = BreakerRecord.HalfOpen, UpdatedAt = Noon.AddMinutes(5) });
        Assert.Equal(BreakerRecord.HalfOpen, replicaB.BreakerState.ReadAll()[Key("xgboost_v1")].State);

        // One breaker per (system, prop): threes opening leaves points as it was.
        replicaA.BreakerState.Save(Open("xgboost_v1", BreakerRecord.CauseSystemError, Noon.AddMinutes(6), PropType.Threes));
        var both = replicaB.BreakerState.ReadAll();
        Assert.Equal(BreakerRecord.Open, both[new BreakerKey("xgboost_v1", PropType.Threes)].State);
        Assert.Equal(BreakerRecord.HalfOpen, both[Key("xgboost_v1")].State);
    }

    [Fact]
    public async Task Rebuilding_features_closes_only_the_breakers_that_opened_for_missing_data()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        await using var replicaA = new BigQueryWarehouse(new BigQueryStorageOptions { Project = EmulatorProcess.Project, EmulatorHost = emulator.Host });
        await using var replicaB = new BigQueryWarehouse(new BigQueryStorageOptions { Project = EmulatorProcess.Project, EmulatorHost = emulator.Host });
        replicaA.BreakerState.Save(Open("similarity_balanced_v1", BreakerRecord.CauseDataMissing, Noon));
        replicaA.BreakerState.Save(Open("xgboost_v1", BreakerRecord.CauseSystemError, Noon));

        var reset = replicaB.BreakerState.ResetDataStarved(Noon.AddHours(1));

        Assert.Equal([Key("similarity_balanced_v1")], reset);
        var state = replicaA.BreakerState.ReadAll();
        Assert.Equal(BreakerRecord.Closed, state[Key("similarity_balanced_v1")].State);
        Assert.Null(state[Key("similarity_balanced_v1")].OpenedAt);
        Assert.Equal(BreakerRecord.Open, state[Key("xgboost_v1")].State);
    }
}
