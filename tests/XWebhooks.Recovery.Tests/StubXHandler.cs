using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace XWebhooks.Recovery.Tests;

/// <summary>Answers the management client's HTTP calls with canned JSON, per "METHOD path", and records them.</summary>
public sealed class StubXHandler : HttpMessageHandler
{
    public ConcurrentDictionary<string, (HttpStatusCode Status, string Json)> Answers { get; } = new();

    public ConcurrentQueue<(string Call, string? Body)> Calls { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        Calls.Enqueue((call, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        var (status, json) = Answers.TryGetValue(call, out var answer) ? answer : (HttpStatusCode.NotFound, """{"title":"Not Found"}""");
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
