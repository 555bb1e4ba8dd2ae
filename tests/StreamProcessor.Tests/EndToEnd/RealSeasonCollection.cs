namespace StreamProcessor.Tests.EndToEnd;

/// <summary>
/// Every test class that needs the real season shares one prepared data dir (loading, features and training
/// take about a minute on two cores, too much to repeat per class). Tests that change breaker state or inject
/// faults work on a private copy (<see cref="RealSeasonFixture.CopyDataDir"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealSeasonCollection : ICollectionFixture<RealSeasonFixture>
{
    public const string Name = "real season";
}
