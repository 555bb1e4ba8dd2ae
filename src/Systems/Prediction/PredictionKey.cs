using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Prediction;

/// <summary>The upsert key of a prediction row, and the prediction id derived from it.</summary>
public readonly record struct PredictionKey(string PlayerLookup, DateOnly GameDate, string SystemId, double LineValue, PropType Prop = PropType.Points)
{
    /// <summary>
    /// A stable id: the same key always yields the same id, so redeliveries cannot mint new rows. The prop joins the
    /// hashed text only when it is not points, so every points id is what it was before props existed.
    /// </summary>
    public string PredictionId
    {
        get
        {
            var text = string.Join('|', PlayerLookup, GameDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                SystemId, LineValue.ToString("0.0###", CultureInfo.InvariantCulture));
            if (Prop != PropType.Points) text += "|" + Prop.Code();
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
            return Convert.ToHexStringLower(hash.AsSpan(0, 16));
        }
    }
}
