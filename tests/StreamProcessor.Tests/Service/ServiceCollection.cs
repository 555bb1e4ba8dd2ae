using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Service;

/// <summary>
/// The tests that run `stream run` share one data dir with the real season (the child process holds the
/// warehouse lock while it runs), so they run one after another.
/// </summary>
// Nor beside the other collections: each of these runs real services (and the Pub/Sub emulator) on timing that a
// machine loaded by a dozen parallel test processes starves, so they run alone, after the parallel collections.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServiceCollection : ICollectionFixture<RealSeasonFixture>
{
    public const string Name = "stream run";
}
