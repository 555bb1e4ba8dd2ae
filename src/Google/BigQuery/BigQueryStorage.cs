using global::Google.Cloud.BigQuery.Storage.V1;
using Grpc.Net.Client;
using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Google.BigQuery.Write;

namespace StreamProcessor.Google.BigQuery;

/// <summary>One channel to the Storage API, and the writers and reader on it.</summary>
public sealed class BigQueryStorage : IDisposable
{
    private readonly GrpcChannel _channel;

    public BigQueryStorage(BigQueryStorageOptions options)
    {
        Options = options;
        _channel = BigQueryStorageChannel.Create(options);
        WriteClient = new BigQueryWrite.BigQueryWriteClient(_channel);
        Reader = new StorageReader(new BigQueryRead.BigQueryReadClient(_channel), options.Project);
    }

    public BigQueryStorageOptions Options { get; }

    public BigQueryWrite.BigQueryWriteClient WriteClient { get; }

    public StorageReader Reader { get; }

    public TableReference Table(string dataset, string table) => new(Options.Project, dataset, table);

    public StorageWriter<T> Writer<T>(StorageWriterOptions options, ProtoRowSchema<T>? schema = null) => new(WriteClient, options, schema);

    public void Dispose() => _channel.Dispose();
}
