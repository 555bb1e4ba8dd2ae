using Microsoft.Extensions.Logging;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Models;

/// <summary>
/// `stream run`'s model watcher: every <c>model.reload_seconds</c> it looks at the data dir's saved models and,
/// when a newer set was saved (the ensemble file is written last, atomically, so its time stamps a complete set)
/// of another version, loads it and swaps every system's instance, so replicas pick up a `model train` without a
/// restart. A set that cannot be loaded is logged and the running one kept.
/// </summary>
internal sealed class ModelReloader(
    ModelStore store,
    TrainedModels loaded,
    Func<TrainedModels, IReadOnlyList<IPredictionSystem>> systems,
    PipelineDependencies dependencies,
    TimeSpan every,
    ILogger log)
{
    private DateTime _stamp = File.Exists(store.EnsemblePath) ? File.GetLastWriteTimeUtc(store.EnsemblePath) : DateTime.MinValue;
    private string _version = loaded.Version;

    /// <summary>The dependencies with reloadable systems and live model versions: pass these to the pipeline.</summary>
    public static (PipelineDependencies Dependencies, ModelReloader Reloader) Wrap(PipelineDependencies dependencies, ModelStore store,
        TrainedModels loaded, Func<TrainedModels, IReadOnlyList<IPredictionSystem>> systems, TimeSpan every, ILogger log)
    {
        var wrapped = dependencies with
        {
            Systems = dependencies.Systems.Select(s => (IPredictionSystem)new ReloadableSystem(s)).ToArray(),
            ModelVersions = new LiveModelVersions(dependencies.ModelVersions),
        };
        return (wrapped, new ModelReloader(store, loaded, systems, wrapped, every, log));
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop)) CheckOnce();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    /// <summary>Reloads when a newer set is saved; true when it swapped.</summary>
    public bool CheckOnce()
    {
        if (!File.Exists(store.EnsemblePath)) return false;
        var stamp = File.GetLastWriteTimeUtc(store.EnsemblePath);
        if (stamp <= _stamp) return false;
        var (models, unusable) = store.TryLoad();
        if (models is null)
        {
            log.LogWarning("a newer model was saved in {Directory} but cannot be used ({Reason}); keeping {Version}", store.Directory, unusable, _version);
            _stamp = stamp;
            return false;
        }
        _stamp = stamp;
        if (models.Version == _version) return false;
        var next = systems(models).ToDictionary(s => s.Id);
        foreach (var system in dependencies.Systems.OfType<ReloadableSystem>())
            if (next.TryGetValue(system.Id, out var replacement)) system.Replace(replacement);
        ((LiveModelVersions)dependencies.ModelVersions).Replace(models.Models.GroupBy(m => m.Prop).ToDictionary(g => g.Key, g => g.Last().Version));
        log.LogInformation("model reloaded: {Version} (was {Previous})", models.Version, _version);
        _version = models.Version;
        return true;
    }
}
