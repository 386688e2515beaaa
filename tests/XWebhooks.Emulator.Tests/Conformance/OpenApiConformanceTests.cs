using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace XWebhooks.Emulator.Tests.Conformance;

/// <summary>
/// Drives the emulator through every webhook, replay, stream-link, Account Activity and X Activity subscription call
/// of X's spec, and the error cases (unknown ids, bad URLs, failed CRC, duplicate URL, bad replay dates, wrong token),
/// and checks each answer against the schema X's official SDK publishes (<see cref="XApiSchema"/>): strictly, so a
/// field the spec does not name, a wrong type or a missing required field fails the test.
/// </summary>
public sealed class OpenApiConformanceTests
{
    private const string OtherUserToken = "other-user-token";
    private const string OtherUserId = "783214";

    // X's titles per problem type, from X's pages and answers: "Invalid Request" (docs.x.com/x-api/webhooks/quickstart
    // 400 example); the others as X sends them (e.g. captured in sger/gotwtr's tests for unsupported-authentication);
    // about:blank problems carry the HTTP status phrase (RFC 7807 §4.2).
    private static readonly Dictionary<string, string> TitleByType = new(StringComparer.Ordinal)
    {
        ["https://api.x.com/2/problems/invalid-request"] = "Invalid Request",
        ["https://api.x.com/2/problems/resource-not-found"] = "Not Found Error",
        ["https://api.x.com/2/problems/not-authorized-for-resource"] = "Authorization Error",
        ["https://api.x.com/2/problems/unsupported-authentication"] = "Unsupported Authentication",
    };

    private static readonly Dictionary<int, string> AboutBlankTitles = new()
    {
        [401] = "Unauthorized",
        [403] = "Forbidden",
        [429] = "Too Many Requests",
    };

    [Fact]
    public async Task Every_call_and_error_answers_in_the_shape_of_xs_spec()
    {
        var spec = XApiSchema.Load();
        await using var x = await EmulatorHarness.StartAsync(o =>
        {
            o.UserTokens[OtherUserToken] = OtherUserId;
            o.WebhookRequestsPerWindow = 1000;
        });
        var calls = new Calls(x, spec);

        // Webhooks, and their refusals.
        var created = await calls.SendAsync("POST /2/webhooks", HttpMethod.Post, "/2/webhooks", 200, $$"""{"url":"{{x.Receiver.Url}}"}""");
        var id = created.GetProperty("data").GetProperty("id").GetString()!;
        await calls.SendAsync("POST /2/webhooks", HttpMethod.Post, "/2/webhooks", 400, $$"""{"url":"{{x.Receiver.Url}}"}""", reason: "DuplicateUrlFailed");
        await calls.SendAsync("POST /2/webhooks", HttpMethod.Post, "/2/webhooks", 400, """{"url":"http://example.com/webhooks/x"}""", reason: "UrlValidationFailed");
        await calls.SendAsync("POST /2/webhooks", HttpMethod.Post, "/2/webhooks", 400, """{"url":"https://example.com:5000/webhooks/x"}""", reason: "UrlValidationFailed");
        x.Receiver.AnswerCrcCorrectly = false;
        await calls.SendAsync("POST /2/webhooks", HttpMethod.Post, "/2/webhooks", 400, $$"""{"url":"{{x.Receiver.Url}}?second"}""", reason: "CrcValidationFailed");
        await calls.SendAsync("PUT /2/webhooks/{webhook_id}", HttpMethod.Put, "/2/webhooks/" + id, 400, reason: "CrcValidationFailed");
        x.Receiver.AnswerCrcCorrectly = true;
        await calls.SendAsync("PUT /2/webhooks/{webhook_id}", HttpMethod.Put, "/2/webhooks/" + id, 200);
        await calls.SendAsync("PUT /2/webhooks/{webhook_id}", HttpMethod.Put, "/2/webhooks/1", 400, reason: "WebhookIdInvalid");
        await calls.SendAsync("GET /2/webhooks", HttpMethod.Get, "/2/webhooks", 200);
        await calls.SendAsync("GET /2/webhooks", HttpMethod.Get, "/2/webhooks", 401, bearer: "not-a-token");

        // Replay, and bad dates.
        var now = DateTimeOffset.UtcNow;
        var from = (now - TimeSpan.FromHours(1)).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var to = (now - TimeSpan.FromMinutes(30)).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        await calls.SendAsync("POST /2/webhooks/replay", HttpMethod.Post, "/2/webhooks/replay", 400, $$"""{"webhook_id":"{{id}}","from_date":"{{to}}","to_date":"{{from}}"}""", reason: "QueryParamInvalid");
        await calls.SendAsync("POST /2/webhooks/replay", HttpMethod.Post, "/2/webhooks/replay", 400, $$"""{"webhook_id":"{{id}}","from_date":"2020-01-01","to_date":"{{to}}"}""", reason: "QueryParamInvalid");
        await calls.SendAsync("POST /2/webhooks/replay", HttpMethod.Post, "/2/webhooks/replay", 400, $$"""{"webhook_id":"1","from_date":"{{from}}","to_date":"{{to}}"}""", reason: "WebhookIdInvalid");
        await calls.SendAsync("POST /2/webhooks/replay", HttpMethod.Post, "/2/webhooks/replay", 200, $$"""{"webhook_id":"{{id}}","from_date":"{{from}}","to_date":"{{to}}"}""");

        // Filtered-stream links.
        await calls.SendAsync("POST /2/tweets/search/webhooks/{webhook_id}", HttpMethod.Post, $"/2/tweets/search/webhooks/{id}?expansions=author_id", 200);
        await calls.SendAsync("POST /2/tweets/search/webhooks/{webhook_id}", HttpMethod.Post, "/2/tweets/search/webhooks/1", 400, reason: "WebhookIdInvalid");
        await calls.SendAsync("GET /2/tweets/search/webhooks", HttpMethod.Get, "/2/tweets/search/webhooks", 200);
        await calls.SendAsync("DELETE /2/tweets/search/webhooks/{webhook_id}", HttpMethod.Delete, $"/2/tweets/search/webhooks/{id}", 200);

        // Account Activity: subscribe, check and count with the user's token; the app token cannot act for a user.
        var all = $"/2/account_activity/webhooks/{id}/subscriptions/all";
        await calls.SendAsync("POST /2/account_activity/webhooks/{webhook_id}/subscriptions/all", HttpMethod.Post, all, 403, "{}");
        await calls.SendAsync("POST /2/account_activity/webhooks/{webhook_id}/subscriptions/all", HttpMethod.Post, all, 401, "{}", bearer: "not-a-token");
        await calls.SendAsync("POST /2/account_activity/webhooks/{webhook_id}/subscriptions/all", HttpMethod.Post, all, 200, "{}", bearer: EmulatorHarness.UserToken);
        await calls.SendAsync("POST /2/account_activity/webhooks/{webhook_id}/subscriptions/all", HttpMethod.Post, all, 400, "{}", bearer: EmulatorHarness.UserToken, reason: "DuplicateSubscriptionFailed");
        await calls.SendAsync("POST /2/account_activity/webhooks/{webhook_id}/subscriptions/all", HttpMethod.Post, "/2/account_activity/webhooks/1/subscriptions/all", 400, "{}", bearer: EmulatorHarness.UserToken, reason: "WebhookIdInvalid");
        await calls.SendAsync("GET /2/account_activity/webhooks/{webhook_id}/subscriptions/all", HttpMethod.Get, all, 200, bearer: EmulatorHarness.UserToken);
        await calls.SendAsync("GET /2/account_activity/webhooks/{webhook_id}/subscriptions/all", HttpMethod.Get, all, 403);
        await calls.SendAsync("GET /2/account_activity/webhooks/{webhook_id}/subscriptions/all/list", HttpMethod.Get, all + "/list", 200);
        await calls.SendAsync("GET /2/account_activity/subscriptions/count", HttpMethod.Get, "/2/account_activity/subscriptions/count", 200);
        var user = $"/2/account_activity/webhooks/{id}/subscriptions/{EmulatorHarness.UserId}/all";
        await calls.SendAsync("DELETE /2/account_activity/webhooks/{webhook_id}/subscriptions/{user_id}/all", HttpMethod.Delete, user, 200);
        await calls.SendAsync("DELETE /2/account_activity/webhooks/{webhook_id}/subscriptions/{user_id}/all", HttpMethod.Delete, user, 400, reason: "SubscriptionNotFound");

        // X Activity subscriptions: public types with the app token, private ones with a token of that user only.
        var subscribe = "POST /2/activity/subscriptions";
        var bio = await calls.SendAsync(subscribe, HttpMethod.Post, "/2/activity/subscriptions", 200, $$"""{"event_type":"profile.update.bio","filter":{"user_id":"{{EmulatorHarness.UserId}}"},"tag":"bio","webhook_id":"{{id}}"}""");
        var bioId = bio.GetProperty("data").GetProperty("subscription").GetProperty("subscription_id").GetString()!;
        await calls.SendAsync(subscribe, HttpMethod.Post, "/2/activity/subscriptions", 400, $$"""{"event_type":"profile.update.bio","filter":{"user_id":"{{EmulatorHarness.UserId}}"},"webhook_id":"{{id}}"}""", reason: "DuplicateSubscriptionFailed");
        await calls.SendAsync(subscribe, HttpMethod.Post, "/2/activity/subscriptions", 400, """{"event_type":"post.create","filter":{"user_id":"1"},"webhook_id":"1"}""", reason: "WebhookIdInvalid");
        await calls.SendAsync(subscribe, HttpMethod.Post, "/2/activity/subscriptions", 403, $$"""{"event_type":"dm.received","filter":{"user_id":"{{EmulatorHarness.UserId}}"},"webhook_id":"{{id}}"}""");
        await calls.SendAsync(subscribe, HttpMethod.Post, "/2/activity/subscriptions", 403, $$"""{"event_type":"like.create","filter":{"user_id":"{{EmulatorHarness.UserId}}"},"webhook_id":"{{id}}"}""", bearer: OtherUserToken);
        var dm = await calls.SendAsync(subscribe, HttpMethod.Post, "/2/activity/subscriptions", 200, $$"""{"event_type":"dm.received","filter":{"user_id":"{{EmulatorHarness.UserId}}"},"webhook_id":"{{id}}"}""", bearer: EmulatorHarness.UserToken);
        var dmId = dm.GetProperty("data").GetProperty("subscription").GetProperty("subscription_id").GetString()!;
        await calls.SendAsync("GET /2/activity/subscriptions", HttpMethod.Get, "/2/activity/subscriptions?max_results=1", 200);
        await calls.SendAsync("GET /2/activity/subscriptions", HttpMethod.Get, "/2/activity/subscriptions", 200);
        await calls.SendAsync("PUT /2/activity/subscriptions/{subscription_id}", HttpMethod.Put, "/2/activity/subscriptions/" + bioId, 200, """{"tag":"renamed"}""");
        await calls.SendAsync("PUT /2/activity/subscriptions/{subscription_id}", HttpMethod.Put, "/2/activity/subscriptions/1", 404, """{"tag":"renamed"}""", reason: "SubscriptionNotFound");
        await calls.SendAsync("DELETE /2/activity/subscriptions/{subscription_id}", HttpMethod.Delete, "/2/activity/subscriptions/" + dmId, 200);
        await calls.SendAsync("DELETE /2/activity/subscriptions/{subscription_id}", HttpMethod.Delete, "/2/activity/subscriptions/" + dmId, 404, reason: "SubscriptionNotFound");
        await calls.SendAsync("DELETE /2/activity/subscriptions", HttpMethod.Delete, $"/2/activity/subscriptions?ids={bioId},1", 200);
        await calls.SendAsync("DELETE /2/webhooks/{webhook_id}", HttpMethod.Delete, "/2/webhooks/" + id, 200);
        await calls.SendAsync("DELETE /2/webhooks/{webhook_id}", HttpMethod.Delete, "/2/webhooks/" + id, 400, reason: "WebhookIdInvalid");

        Assert.True(calls.Violations.Count == 0, string.Join(Environment.NewLine, calls.Violations));
        Assert.Equal(spec.Operations.Order(StringComparer.Ordinal), calls.Succeeded.Order(StringComparer.Ordinal));
    }

    /// <summary>Sends calls, checks each answer's status, schema, problem title and reason, and collects what is wrong.</summary>
    private sealed class Calls(EmulatorHarness x, XApiSchema spec)
    {
        public List<string> Violations { get; } = [];

        public HashSet<string> Succeeded { get; } = new(StringComparer.Ordinal);

        public async Task<JsonElement> SendAsync(string operation, HttpMethod method, string path, int status, string? json = null, string? bearer = null, string? reason = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? EmulatorHarness.Token);
            using var response = await x.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var what = $"{method} {path} ({operation})";
            using var document = JsonDocument.Parse(text);
            var body = document.RootElement.Clone();
            if ((int)response.StatusCode != status)
            {
                Violations.Add($"{what} answered {(int)response.StatusCode}, expected {status}: {text}");
                return body;
            }

            Violations.AddRange(spec.Check(operation, status, body).Select(problem => $"{what} {status}: {problem} in {text}"));
            if (status is >= 200 and < 300)
            {
                Succeeded.Add(operation);
            }
            else
            {
                CheckProblem(what, status, body, text, reason);
            }

            return body;
        }

        private void CheckProblem(string what, int status, JsonElement body, string text, string? reason)
        {
            var type = body.TryGetProperty("type", out var t) ? t.GetString() : null;
            var title = body.TryGetProperty("title", out var ti) ? ti.GetString() : null;
            var expectedTitle = type == "about:blank" ? AboutBlankTitles.GetValueOrDefault(status) : type is null ? null : TitleByType.GetValueOrDefault(type);
            if (expectedTitle is null || title != expectedTitle)
            {
                Violations.Add($"{what} {status}: problem type '{type}' titled '{title}' is not one of X's problem types with its title ({expectedTitle ?? "none"})");
            }

            if (reason is not null && !(body.TryGetProperty("errors", out var errors)
                && errors.EnumerateArray().Any(e => e.TryGetProperty("message", out var m) && m.GetString()!.StartsWith(reason + ": ", StringComparison.Ordinal))))
            {
                Violations.Add($"{what} {status}: no errors[].message \"{reason}: <details>\" (X's documented form) in {text}");
            }
        }
    }
}
