using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>Accumulates prediction errors and pick outcomes; one instance per system or baseline.</summary>
public sealed class ErrorStats
{
    private double _absolute, _squared, _signed;
    private int _picks, _hits;

    public int N { get; private set; }

    public void Add(double predicted, double actual, double line, Recommendation pick)
    {
        var error = predicted - actual;
        N++;
        _absolute += Math.Abs(error);
        _squared += error * error;
        _signed += error;
        if (pick == Recommendation.Pass) return;
        _picks++;
        if ((pick == Recommendation.Over && actual > line) || (pick == Recommendation.Under && actual < line)) _hits++;
    }

    public double Mae => N == 0 ? double.NaN : _absolute / N;
    public double Rmse => N == 0 ? double.NaN : Math.Sqrt(_squared / N);
    public double Bias => N == 0 ? double.NaN : _signed / N;
    public int Picks => _picks;
    public double HitRate => _picks == 0 ? double.NaN : (double)_hits / _picks;
}
