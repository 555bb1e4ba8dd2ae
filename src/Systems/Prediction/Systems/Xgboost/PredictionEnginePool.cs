using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace StreamProcessor.Systems.Prediction.Systems.Xgboost;

/// <summary>
/// ML.NET's <see cref="PredictionEngine{TSrc,TDst}"/> keeps per-call buffers and is not thread-safe, so each
/// prediction borrows an engine for its duration; the pool grows to the number of concurrent callers and no further.
/// </summary>
internal sealed class PredictionEnginePool(MLContext context, ITransformer model)
{
    private readonly ConcurrentBag<PredictionEngine<ModelInput, ModelOutput>> _idle = [];
    private readonly SchemaDefinition _schema = ModelInput.CreateSchema();
    private readonly Lock _createLock = new();

    public float Predict(float[] features)
    {
        var engine = _idle.TryTake(out var idle) ? idle : Create();
        try
        {
            return engine.Predict(new ModelInput { Features = features }).Score;
        }
        finally
        {
            _idle.Add(engine);
        }
    }

    private PredictionEngine<ModelInput, ModelOutput> Create()
    {
        // Rare (once per concurrent caller); serialised because the schema definition is shared.
        lock (_createLock)
            return context.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model, inputSchemaDefinition: _schema);
    }
}
