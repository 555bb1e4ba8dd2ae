using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace StreamProcessor.Tests.PubSub;

/// <summary>
/// A loopback TCP proxy in front of the emulator that can cut every open connection at once (a reset, like a
/// load balancer dropping a stream), while still accepting new ones.
/// </summary>
public sealed class TcpCutter : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TcpCutter(string target)
    {
        var parts = target.Split(':');
        _targetHost = parts[0];
        _targetPort = int.Parse(parts[1]);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Host => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Cuts { get; private set; }

    /// <summary>Resets every connection open now.</summary>
    public void CutAll()
    {
        Cuts++;
        foreach (var socket in _open.Keys)
        {
            _open.TryRemove(socket, out _);
            try
            {
                socket.LingerState = new LingerOption(true, 0); // close with RST, not a graceful FIN
                socket.Close();
            }
            catch (ObjectDisposedException) { }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await upstream.ConnectAsync(_targetHost, _targetPort, _stop.Token);
                }
                catch (Exception)
                {
                    client.Close();
                    upstream.Dispose();
                    return;
                }
                _open[client] = 0;
                _open[upstream] = 0;
                await Task.WhenAny(PumpAsync(client, upstream), PumpAsync(upstream, client));
                foreach (var socket in new[] { client, upstream })
                {
                    _open.TryRemove(socket, out _);
                    try { socket.Close(); } catch (ObjectDisposedException) { }
                }
            });
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0) return;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        CutAll();
        await _accepting;
    }
}
