namespace StreamProcessor.Sinks.Predictions;

/// <summary>
/// The batch-write seam. A call returns only once the batch is durably written; every row is an
/// upsert on (player_lookup, game_date, system_id, line_value), so writing a batch again changes nothing.
/// The embedded warehouse here; BigQuery's Storage Write API (staging + MERGE) in a deployment.
/// </summary>
public interface IPredictionSink
{
    Task WriteAsync(PredictionBatch batch, CancellationToken cancellationToken);
}
