namespace StreamProcessor.Stream.Validation;

/// <summary>The reason codes written to <c>dead_letter.reason_code</c> for unusable requests.</summary>
public static class RejectReasons
{
    public const string PayloadTooLarge = "payload_too_large";
    public const string InvalidEncoding = "invalid_encoding";
    public const string MalformedJson = "malformed_json";
    public const string NotAnObject = "not_an_object";
    public const string DuplicateField = "duplicate_field";
    public const string MissingField = "missing_field";
    public const string WrongType = "wrong_type";
    public const string InvalidPlayerLookup = "invalid_player_lookup";
    public const string InvalidGameDate = "invalid_game_date";
    public const string InvalidGameId = "invalid_game_id";
    public const string InvalidLine = "invalid_line";
    public const string InvalidPropType = "invalid_prop_type";

    /// <summary>over_prices / under_prices not one American price (finite, |odds| ≥ 100) per line, or only one of them.</summary>
    public const string InvalidPrice = "invalid_price";
    /// <summary>The name normalises alike for several registered players: reported with them, never guessed.</summary>
    public const string AmbiguousPlayer = "ambiguous_player";
    /// <summary>No feature row for the player and date; for a name no registered player goes by, the message names the closest lookups.</summary>
    public const string NoFeatures = "no_features";
    public const string StaleFeatures = "stale_features";

    /// <summary>Delivered more often than validation.max_delivery_attempts: a poison message, recorded and acknowledged so it cannot loop.</summary>
    public const string MaxDeliveryAttempts = "max_delivery_attempts";

    /// <summary>Not an error: the same request (player, date, lines, feature version) was already predicted.</summary>
    public const string AlreadyProcessed = "already_processed";
}
