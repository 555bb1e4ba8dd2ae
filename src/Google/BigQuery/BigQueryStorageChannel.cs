using global::Google.Apis.Auth.OAuth2;
using Grpc.Core;
using Grpc.Net.Client;

namespace StreamProcessor.Google.BigQuery;

/// <summary>The gRPC channel to the Storage API: plain text to an emulator, TLS with bearer tokens from ADC to Google.</summary>
public static class BigQueryStorageChannel
{
    private static readonly string[] Scopes = ["https://www.googleapis.com/auth/bigquery"];

    public static GrpcChannel Create(BigQueryStorageOptions options)
    {
        var channelOptions = new GrpcChannelOptions { MaxReceiveMessageSize = 128 * 1024 * 1024 };
        if (options.EmulatorHost is { } host)
        {
            channelOptions.Credentials = ChannelCredentials.Insecure;
            return GrpcChannel.ForAddress("http://" + host, channelOptions);
        }
        var credential = GoogleCredential.GetApplicationDefault().CreateScoped(Scopes);
        var bearer = CallCredentials.FromInterceptor(async (_, metadata) =>
        {
            var token = await ((ITokenAccess)credential).GetAccessTokenForRequestAsync();
            metadata.Add("authorization", "Bearer " + token);
        });
        channelOptions.Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, bearer);
        return GrpcChannel.ForAddress(BigQueryStorageOptions.GoogleEndpoint, channelOptions);
    }
}
