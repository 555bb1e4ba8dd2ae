using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Service;

/// <summary>
/// The tests that run `stream run` share one data dir with the real season (the child process holds the
/// warehouse lock while it runs), so they run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<RealSeasonFixture>
{
    public const string Name = "stream run";
}
