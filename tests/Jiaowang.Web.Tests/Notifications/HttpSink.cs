using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Jiaowang.Web.Tests.Notifications;

/// <summary>A real HTTP server on 127.0.0.1 at a free port, standing in for a WeCom robot or an SMS gateway: it keeps what it receives.</summary>
public sealed class HttpSink : IDisposable
{
    readonly HttpListener listener;
    readonly Task loop;
    public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();
    /// <summary>What the sink answers; 500 makes the channel fail.</summary>
    public int Status { get; set; } = 200;
    public string Answer { get; set; } = """{"errcode":0,"errmsg":"ok"}""";
    public string Root { get; }

    public HttpSink()
    {
        // HttpListener cannot take port 0: probe for a free port, and when another process takes it between the probe
        // and the start (it happened on CI: "Address already in use"), probe again.
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Root = $"http://127.0.0.1:{port}";
            var candidate = new HttpListener();
            candidate.Prefixes.Add(Root + "/");
            try
            {
                candidate.Start();
                listener = candidate;
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                candidate.Close();
            }
        }
        loop = Task.Run(ServeAsync);
    }

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var status = Status;
            if (status < 400) Received.Enqueue((context.Request.Url!.PathAndQuery, body));
            context.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(status < 400 ? Answer : "boom");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }
}
