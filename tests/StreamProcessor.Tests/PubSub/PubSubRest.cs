using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamProcessor.Tests.PubSub;

/// <summary>
/// The emulator's REST API with a plain HttpClient: how the tests create topics and subscriptions, publish
/// requests and read events. It shares no code with the product's gRPC client.
/// </summary>
public sealed class PubSubRest(string baseUrl)
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    public sealed record Received(string AckId, string MessageId, byte[] Data, IReadOnlyDictionary<string, string> Attributes, int DeliveryAttempt)
    {
        public string Text => Encoding.UTF8.GetString(Data);
    }

    public async Task<bool> IsUpAsync()
    {
        try
        {
            using var response = await _http.GetAsync("/v1/projects/probe/topics");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<string> CreateTopicAsync(string project, string topic)
    {
        await SendAsync(HttpMethod.Put, $"/v1/projects/{project}/topics/{topic}", new JsonObject());
        return $"projects/{project}/topics/{topic}";
    }

    /// <summary>Creates a subscription; <paramref name="settings"/> adds fields such as deadLetterPolicy or enableExactlyOnceDelivery.</summary>
    public async Task<string> CreateSubscriptionAsync(string topic, string name, int ackDeadlineSeconds, JsonObject? settings = null)
    {
        var project = topic.Split('/')[1];
        var body = settings ?? new JsonObject();
        body["topic"] = topic;
        body["ackDeadlineSeconds"] = ackDeadlineSeconds;
        await SendAsync(HttpMethod.Put, $"/v1/projects/{project}/subscriptions/{name}", body);
        return $"projects/{project}/subscriptions/{name}";
    }

    /// <summary>Publishes raw payloads (any bytes) in calls of 500; returns the message ids in order.</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(string topic, IEnumerable<byte[]> payloads)
    {
        var ids = new List<string>();
        foreach (var chunk in payloads.Chunk(500))
        {
            var messages = new JsonArray();
            foreach (var payload in chunk)
            {
                // Pub/Sub needs data or an attribute: an empty payload carries a marker attribute.
                var message = new JsonObject { ["data"] = Convert.ToBase64String(payload) };
                if (payload.Length == 0) message["attributes"] = new JsonObject { ["empty"] = "true" };
                messages.Add(message);
            }
            var response = await SendAsync(HttpMethod.Post, $"/v1/{topic}:publish", new JsonObject { ["messages"] = messages });
            ids.AddRange(response!["messageIds"]!.AsArray().Select(id => id!.GetValue<string>()));
        }
        return ids;
    }

    public Task<IReadOnlyList<string>> PublishAsync(string topic, IEnumerable<string> payloads) =>
        PublishAsync(topic, payloads.Select(p => Encoding.UTF8.GetBytes(p)));

    /// <summary>One pull that returns at once (possibly empty).</summary>
    public async Task<IReadOnlyList<Received>> PullAsync(string subscription, int max = 1000)
    {
        var response = await SendAsync(HttpMethod.Post, $"/v1/{subscription}:pull", new JsonObject { ["maxMessages"] = max, ["returnImmediately"] = true });
        if (response?["receivedMessages"] is not JsonArray received) return [];
        return received.Select(r => new Received(
            r!["ackId"]!.GetValue<string>(),
            r["message"]!["messageId"]!.GetValue<string>(),
            r["message"]!["data"] is { } data ? Convert.FromBase64String(data.GetValue<string>()) : [],
            r["message"]!["attributes"] is JsonObject attributes ? attributes.ToDictionary(a => a.Key, a => a.Value!.GetValue<string>()) : new Dictionary<string, string>(),
            r["deliveryAttempt"]?.GetValue<int>() ?? 0)).ToArray();
    }

    /// <summary>Pulls and acknowledges until a pull comes back empty.</summary>
    public async Task<IReadOnlyList<Received>> DrainAsync(string subscription)
    {
        var all = new List<Received>();
        while (true)
        {
            var batch = await PullAsync(subscription);
            if (batch.Count == 0) return all;
            all.AddRange(batch);
            await AcknowledgeAsync(subscription, batch.Select(m => m.AckId));
        }
    }

    public Task AcknowledgeAsync(string subscription, IEnumerable<string> ackIds) =>
        SendAsync(HttpMethod.Post, $"/v1/{subscription}:acknowledge", new JsonObject { ["ackIds"] = new JsonArray(ackIds.Select(a => (JsonNode)a!).ToArray()) });

    public Task ModifyAckDeadlineAsync(string subscription, IEnumerable<string> ackIds, int seconds) =>
        SendAsync(HttpMethod.Post, $"/v1/{subscription}:modifyAckDeadline", new JsonObject
        {
            ["ackIds"] = new JsonArray(ackIds.Select(a => (JsonNode)a!).ToArray()),
            ["ackDeadlineSeconds"] = seconds,
        });

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
