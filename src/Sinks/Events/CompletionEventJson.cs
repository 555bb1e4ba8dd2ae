using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamProcessor.Sinks.Events;

/// <summary>
/// The one JSON shape of a completion event, whichever transport carries it (a JSONL file, a Pub/Sub message):
/// snake_case fields, the prop as its code (<c>"prop_type": "points"</c>).
/// </summary>
public static class CompletionEventJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(CompletionEvent completion) => JsonSerializer.Serialize(completion, Options);

    public static byte[] SerializeToUtf8Bytes(CompletionEvent completion) => JsonSerializer.SerializeToUtf8Bytes(completion, Options);
}
