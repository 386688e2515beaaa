using System.Net;
using System.Text;

namespace XWebhooks.Management.Tests;

/// <summary>An in-test X: answers each request with the next queued response and records what it was sent.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public StubHandler Respond(HttpStatusCode status, string? json, Action<HttpResponseMessage>? configure = null)
    {
        responses.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    public StubHandler Ok(string json) => Respond(HttpStatusCode.OK, json);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body, request.Content?.Headers.ContentType?.MediaType));
        return responses.Count > 0 ? responses.Dequeue()() : throw new InvalidOperationException($"No response queued for {request.Method} {request.RequestUri}");
    }

    public static XWebhooksClient Client(StubHandler handler, TimeSpan? maxRateLimitWait = null, TimeProvider? time = null) =>
        new(new HttpClient(handler), new XWebhooksClientOptions
        {
            BearerToken = "app-token",
            BaseAddress = new Uri("https://api.test"),
            MaxRateLimitWait = maxRateLimitWait ?? TimeSpan.Zero,
        }, time, null);
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body, string? ContentType);
