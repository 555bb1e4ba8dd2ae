using Microsoft.ML.Trainers.FastTree;

namespace StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

/// <summary>
/// A trained FastTree ensemble copied into flat arrays and evaluated directly: the same splits, leaf values, tree
/// weights and bias, summed in the same order, so it returns what ML.NET's prediction engine returns for the model.
/// Immutable and lock-free, so any number of threads can call <see cref="Evaluate"/> at once.
/// </summary>
/// <remarks>
/// Through ML.NET's prediction engine a prediction cost 11.4 µs, walked here 8.5 µs (perf/ SystemBenchmarks, one
/// thread, the same machine and hour): the trees are most of it. In the pipeline the engine cost more, as a lock inside
/// it was contended between the system's threads (perf/ profile of a season replay); this walk takes no lock.
/// </remarks>
internal sealed class CompiledTreeEnsemble
{
    // Per tree, its nodes start at _firstNode[t] and its leaves at _firstLeaf[t]; a child below zero is ~leaf.
    private readonly int[] _firstNode;
    private readonly int[] _firstLeaf;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _lessOrEqual;
    private readonly int[] _greater;
    private readonly double[] _leafValue;
    private readonly double[] _treeWeight;
    private readonly double _bias;

    private CompiledTreeEnsemble(int[] firstNode, int[] firstLeaf, int[] feature, float[] threshold, int[] lessOrEqual, int[] greater,
        double[] leafValue, double[] treeWeight, double bias)
    {
        _firstNode = firstNode;
        _firstLeaf = firstLeaf;
        _feature = feature;
        _threshold = threshold;
        _lessOrEqual = lessOrEqual;
        _greater = greater;
        _leafValue = leafValue;
        _treeWeight = treeWeight;
        _bias = bias;
    }

    public int TreeCount => _treeWeight.Length;

    /// <exception cref="InvalidDataException">The ensemble has a categorical split: this model's features are all numerical, so it is not one of ours.</exception>
    public static CompiledTreeEnsemble From(RegressionTreeEnsemble ensemble)
    {
        var trees = ensemble.Trees;
        var firstNode = new int[trees.Count];
        var firstLeaf = new int[trees.Count];
        var nodes = trees.Sum(t => t.NumberOfNodes);
        var feature = new int[nodes];
        var threshold = new float[nodes];
        var lessOrEqual = new int[nodes];
        var greater = new int[nodes];
        var leafValue = new double[trees.Sum(t => t.NumberOfLeaves)];
        int node = 0, leaf = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            firstNode[t] = node;
            firstLeaf[t] = leaf;
            for (var i = 0; i < tree.NumberOfNodes; i++, node++)
            {
                if (tree.CategoricalSplitFlags.Count > i && tree.CategoricalSplitFlags[i])
                    throw new InvalidDataException($"tree {t} node {i} splits on a categorical feature; the model's features are all numerical");
                feature[node] = tree.NumericalSplitFeatureIndexes[i];
                threshold[node] = tree.NumericalSplitThresholds[i];
                lessOrEqual[node] = tree.LeftChild[i];
                greater[node] = tree.RightChild[i];
            }
            for (var i = 0; i < tree.NumberOfLeaves; i++, leaf++) leafValue[leaf] = tree.LeafValues[i];
        }
        return new CompiledTreeEnsemble(firstNode, firstLeaf, feature, threshold, lessOrEqual, greater, leafValue, ensemble.TreeWeights.ToArray(), ensemble.Bias);
    }

    /// <summary>The ensemble's score for one feature vector, as the float ML.NET's regression score is.</summary>
    public float Evaluate(ReadOnlySpan<float> features)
    {
        var sum = 0.0;
        for (var t = 0; t < _firstNode.Length; t++)
        {
            var offset = _firstNode[t];
            var node = 0;
            // A tree with no split is one leaf.
            if (offset == (t + 1 < _firstNode.Length ? _firstNode[t + 1] : _feature.Length)) node = ~0;
            while (node >= 0)
            {
                var at = offset + node;
                node = features[_feature[at]] <= _threshold[at] ? _lessOrEqual[at] : _greater[at];
            }
            sum += _treeWeight[t] * _leafValue[_firstLeaf[t] + ~node];
        }
        return (float)(sum + _bias);
    }
}
