using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StreamProcessor.Systems.Prediction;

/// <summary>The upsert key of a prediction row, and the prediction id derived from it.</summary>
public readonly record struct PredictionKey(string PlayerLookup, DateOnly GameDate, string SystemId, double LineValue)
{
    /// <summary>A stable id: the same key always yields the same id, so redeliveries cannot mint new rows.</summary>
    public string PredictionId
    {
        get
        {
            var text = string.Join('|', PlayerLookup, GameDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                SystemId, LineValue.ToString("0.0###", CultureInfo.InvariantCulture));
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
            return Convert.ToHexStringLower(hash.AsSpan(0, 16));
        }
    }
}
