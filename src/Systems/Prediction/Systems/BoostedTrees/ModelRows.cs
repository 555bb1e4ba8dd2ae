using Microsoft.ML;
using Microsoft.ML.Data;

namespace StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

/// <summary>The row ML.NET trains on and predicts from.</summary>
internal sealed class ModelInput
{
    public float[] Features { get; set; } = [];
    public float Label { get; set; }

    /// <summary>The vector's length is only known at run time, so the schema states it explicitly.</summary>
    public static SchemaDefinition CreateSchema()
    {
        var schema = SchemaDefinition.Create(typeof(ModelInput));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ModelFeatureVector.Length);
        return schema;
    }
}

/// <summary>What the regression transformer adds to a row.</summary>
internal sealed class ModelOutput
{
    public float Score { get; set; }
}
