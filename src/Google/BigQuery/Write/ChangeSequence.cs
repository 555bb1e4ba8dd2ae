using System.Globalization;

namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>_CHANGE_SEQUENCE_NUMBER values: 16 hex digits per section, so they compare in numeric order.</summary>
public static class ChangeSequence
{
    public static string From(ulong value) => value.ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>A timestamp's microseconds: later writes of a key win.</summary>
    public static string From(DateTimeOffset time) => From((ulong)((time.UtcTicks - DateTime.UnixEpoch.Ticks) / 10));
}
