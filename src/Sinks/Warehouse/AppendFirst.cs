namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// Whether a writer's next write tries <see cref="WriteMode.Append"/> first. Most writes carry only new keys (new
/// requests), and appending them costs about half of staging and upserting them (the season's predictions: 1.5 s of
/// CPU instead of 3.0 s); but a write whose keys exist (a redelivery, <c>replay --force</c> over days already written)
/// fails its append and is done twice. So after a conflict the next <see cref="UpsertsAfterConflict"/> writes go
/// straight to the upsert: a run that rewrites old keys pays the failed append once per that many writes.
/// </summary>
internal sealed class AppendFirst
{
    public const int UpsertsAfterConflict = 8;

    private int _upsertsLeft;

    public WriteMode NextMode()
    {
        while (true)
        {
            var left = Volatile.Read(ref _upsertsLeft);
            if (left == 0) return WriteMode.Append;
            if (Interlocked.CompareExchange(ref _upsertsLeft, left - 1, left) == left) return WriteMode.Upsert;
        }
    }

    public void Conflicted() => Volatile.Write(ref _upsertsLeft, UpsertsAfterConflict);
}
