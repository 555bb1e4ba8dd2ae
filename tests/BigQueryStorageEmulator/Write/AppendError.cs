using Google.Cloud.BigQuery.Storage.V1;
using Grpc.Core;

namespace StreamProcessor.BigQueryStorageEmulator.Write;

/// <summary>An append or stream operation the API refuses, with the status code and StorageError it reports.</summary>
public sealed class AppendError(StatusCode code, StorageError.Types.StorageErrorCode storageCode, string entity, string message) : Exception(message)
{
    public StatusCode Code { get; } = code;
    public StorageError.Types.StorageErrorCode StorageCode { get; } = storageCode;
    public string Entity { get; } = entity;

    public Google.Rpc.Status ToStatus()
    {
        var status = new Google.Rpc.Status { Code = (int)Code, Message = Message };
        status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new StorageError { Code = StorageCode, Entity = Entity, ErrorMessage = Message }));
        return status;
    }

    public RpcException ToRpcException() => new(new Status(Code, Message));
}
