using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.Features;

/// <summary>
/// The feature-load seam. Implementations answer a whole batch of keys in one read (never one query
/// per player): the embedded warehouse here, BigQuery's Storage Read API in a deployment.
/// Keys without a feature row are simply absent from the answer.
/// </summary>
public interface IFeatureStore
{
    Task<IReadOnlyDictionary<PlayerDate, FeatureRecord>> LoadAsync(IReadOnlyCollection<PlayerDate> keys, CancellationToken cancellationToken);
}
