using Google.Apis.Auth.OAuth2;
using Grpc.Core;
using Grpc.Net.Client;

namespace StreamProcessor.Google.PubSub.Connection;

/// <summary>
/// The gRPC channel to Pub/Sub: with PUBSUB_EMULATOR_HOST set, a plain-text channel to the emulator and no
/// credentials (as Google's clients do); otherwise TLS to pubsub.googleapis.com with Application Default
/// Credentials (key file, workload identity, metadata server) as bearer tokens on every call.
/// </summary>
public static class PubSubChannel
{
    public const string EmulatorHostVariable = "PUBSUB_EMULATOR_HOST";
    public const string ProjectVariable = "GOOGLE_CLOUD_PROJECT";
    private const string Endpoint = "https://pubsub.googleapis.com";
    private const string Scope = "https://www.googleapis.com/auth/pubsub";

    public static GrpcChannel Create(string? emulatorHost)
    {
        if (!string.IsNullOrWhiteSpace(emulatorHost))
            return GrpcChannel.ForAddress("http://" + emulatorHost.Trim(), new GrpcChannelOptions { Credentials = ChannelCredentials.Insecure, HttpHandler = Handler() });

        var credential = new Lazy<Task<ITokenAccess>>(async () =>
            (ITokenAccess)(await GoogleCredential.GetApplicationDefaultAsync()).CreateScoped(Scope));
        var bearer = CallCredentials.FromInterceptor(async (_, metadata) =>
        {
            var token = await (await credential.Value).GetAccessTokenForRequestAsync(Endpoint);
            metadata.Add("authorization", "Bearer " + token);
        });
        return GrpcChannel.ForAddress(Endpoint, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(new SslCredentials(), bearer),
            HttpHandler = Handler(),
        });
    }

    /// <summary>
    /// HTTP/2 keep-alive pings notice a dead connection (a vanished peer) without waiting for TCP. Not more often
    /// than every 5 minutes: gRPC servers (the emulator among them) answer more frequent pings with ENHANCE_YOUR_CALM.
    /// </summary>
    private static SocketsHttpHandler Handler() => new()
    {
        KeepAlivePingDelay = TimeSpan.FromMinutes(5),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
    };
}
