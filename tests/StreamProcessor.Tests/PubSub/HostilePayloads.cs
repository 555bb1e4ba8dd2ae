using System.Text;

namespace StreamProcessor.Tests.PubSub;

/// <summary>Messages a coordinator (or an attacker) might publish that must never become a prediction, each with the reason it gets when that reason is certain.</summary>
public static class HostilePayloads
{
    private const string Valid = "\"player_lookup\": \"lebron-james\", \"game_date\": \"2025-02-12\", \"game_id\": \"20250212_LAL_GSW\"";

    public static IReadOnlyList<(byte[] Payload, string? Reason)> All { get; } = Build();

    private static List<(byte[], string?)> Build()
    {
        var list = new List<(byte[], string?)>();
        void Add(string text, string? reason = null) => list.Add((Encoding.UTF8.GetBytes(text), reason));
        Add("");
        Add("not json at all", "malformed_json");
        Add("{", "malformed_json");
        Add("[]", "not_an_object");
        Add("42", "not_an_object");
        Add("null", "not_an_object");
        Add("\"a string\"", "not_an_object");
        Add("{}", "missing_field");
        Add("""{"game_date": "2025-02-12", "game_id": "20250212_LAL_GSW", "line_values": [25.5]}""", "missing_field");
        Add("""{"player_lookup": "lebron-james", "game_id": "20250212_LAL_GSW", "line_values": [25.5]}""", "missing_field");
        Add("""{"player_lookup": "lebron-james", "game_date": "2025-02-12", "line_values": [25.5]}""", "missing_field");
        Add("{" + Valid + "}", "missing_field");
        Add("""{"player_lookup": 42, "game_date": "2025-02-12", "game_id": "20250212_LAL_GSW", "line_values": [25.5]}""", "wrong_type");
        Add("""{"player_lookup": "LeBron James", "game_date": "2025-02-12", "game_id": "20250212_LAL_GSW", "line_values": [25.5]}""", "invalid_player_lookup");
        Add("""{"player_lookup": "", "game_date": "2025-02-12", "game_id": "20250212_LAL_GSW", "line_values": [25.5]}""");
        Add($$"""{"player_lookup": "{{new string('a', 200)}}", "game_date": "2025-02-12", "game_id": "20250212_LAL_GSW", "line_values": [25.5]}""", "invalid_player_lookup");
        Add("""{"player_lookup": "lebron-james", "game_date": "2025-13-40", "game_id": "20250212_LAL_GSW", "line_values": [25.5]}""", "invalid_game_date");
        Add("""{"player_lookup": "lebron-james", "game_date": "yesterday", "game_id": "20250212_LAL_GSW", "line_values": [25.5]}""", "invalid_game_date");
        Add("""{"player_lookup": "lebron-james", "game_date": "1800-01-01", "game_id": "18000101_LAL_GSW", "line_values": [25.5]}""", "invalid_game_date");
        Add("""{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": "LAL-GSW", "line_values": [25.5]}""", "invalid_game_id");
        Add("""{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": 20250212, "line_values": [25.5]}""", "wrong_type");
        Add("{" + Valid + """, "line_values": []}""");
        Add("{" + Valid + """, "line_values": [-5]}""", "invalid_line");
        Add("{" + Valid + """, "line_values": [1000]}""", "invalid_line");
        Add("{" + Valid + """, "line_values": ["25.5"]}""");
        Add("{" + Valid + """, "line_values": "25.5"}""");
        Add("{" + Valid + ", \"line_values\": [" + string.Join(", ", Enumerable.Range(1, 40).Select(i => i + 0.5)) + "]}");
        Add("{" + Valid + """, "line_values": [NaN]}""", "malformed_json");
        Add("""{"player_lookup": "lebron-james", "player_lookup": "stephen-curry", "game_date": "2025-02-12", "game_id": "20250212_LAL_GSW", "line_values": [25.5]}""", "duplicate_field");
        Add("{" + Valid + """, "line_values": [25.5], "prop_type": "dunks"}""", "invalid_prop_type");
        Add("""{"player_lookup": "nobody-at-all", "game_date": "2025-02-12", "game_id": "20250212_LAL_GSW", "line_values": [25.5]}""", "no_features");
        Add(new string('[', 100) + new string(']', 100));
        Add("{" + Valid + ", \"line_values\": [25.5], \"padding\": \"" + new string('x', 20_000) + "\"}", "payload_too_large");
        list.Add(([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d], "invalid_encoding"));
        list.Add(([0xc3, 0x28], "invalid_encoding"));
        return list;
    }
}
