using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CsCheck;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;

namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>
/// Throws generated hostile requests at the real HTTP pipeline and checks each answer: never a 5xx; every 4xx on a SCIM
/// route is a SCIM error (Error schema, status as a string matching the code, a detail); a rejected request changes
/// nothing (the target's JSON and ETag, and the store's fingerprint, are as before).
/// Budget: <c>SCIMCLEAN_FUZZ_ITERATIONS</c> requests (default 1500); seed: <c>SCIMCLEAN_FUZZ_SEED</c> (a CsCheck seed), else fixed.
/// </summary>
public sealed class ScimFuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 1500;
    private const ulong DefaultSeed = 20260101;

    [Fact]
    public async Task Pipeline_UnderGeneratedHostileRequests_ShouldNeverFailOrChangeDataOnRejection()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("SCIMCLEAN_FUZZ_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured)
            ? configured
            : DefaultIterations;
        var seed = Environment.GetEnvironmentVariable("SCIMCLEAN_FUZZ_SEED") is { Length: > 0 } given ? given : new PCG(1, DefaultSeed).ToString();
        output.WriteLine($"fuzz seed {seed}, {iterations} requests (SCIMCLEAN_FUZZ_SEED, SCIMCLEAN_FUZZ_ITERATIONS)");

        await using var factory = new ScimCleanApiFactory();
        factory.Settings["Scim:RateLimit:TokenLimit"] = "1000000";
        factory.Settings["Scim:RateLimit:TokensPerPeriod"] = "1000000";
        factory.Settings["Auth:FailureThrottle:Enabled"] = "false";
        var session = await FuzzSession.StartAsync(factory);
        var timer = Stopwatch.StartNew();

        await ScimFuzzGenerators.Request.Array[iterations].SampleAsync(
            requests => session.RunAsync(requests),
            seed: seed,
            iter: 1,
            threads: 1);

        output.WriteLine($"tried {session.Sent} inputs in {timer.Elapsed.TotalSeconds:F1} s; statuses: {session.Statuses}");
        Assert.Equal(iterations, session.Sent);
    }

    /// <summary>The fuzzed organization with one user and one group (holding the user) to aim at.</summary>
    private sealed class FuzzSession
    {
        private readonly ScimCleanApiFactory _factory;
        private readonly ScimClient _scim;
        private readonly string _token;
        private readonly SortedDictionary<int, int> _statuses = [];

        private FuzzSession(ScimCleanApiFactory factory, ScimClient scim, string token)
        {
            _factory = factory;
            _scim = scim;
            _token = token;
        }

        public int Sent { get; private set; }

        public string Statuses => string.Join(", ", _statuses.Select(pair => $"{pair.Key}: {pair.Value}"));

        private string UserId { get; set; } = string.Empty;

        private string GroupId { get; set; } = string.Empty;

        private static CancellationToken Ct => TestContext.Current.CancellationToken;

        public static async Task<FuzzSession> StartAsync(ScimCleanApiFactory factory)
        {
            var (domain, token) = await factory.CreateAdminClient().CreateDirectoryAsync();
            var session = new FuzzSession(factory, new ScimClient(factory.CreateScimClient(token), domain), token);
            await session.EnsureTargetsAsync();
            return session;
        }

        public async Task RunAsync(FuzzRequest[] requests)
        {
            foreach (var request in requests)
            {
                await SendAndCheckAsync(request);
                Sent++;
            }
        }

        private async Task SendAndCheckAsync(FuzzRequest request)
        {
            var target = request.Path.StartsWith("/Users/{user}", StringComparison.Ordinal) ? $"/Users/{UserId}"
                : request.Path.StartsWith("/Groups/{group}", StringComparison.Ordinal) ? $"/Groups/{GroupId}"
                : null;
            var mutating = request.Method != "GET";
            var (beforeJson, beforeETag) = target is not null && mutating ? await ReadTargetAsync(target) : (null, null);
            var beforeStore = mutating ? await StoreFingerprint.ReadAsync(_factory) : null;

            using var message = Build(request, beforeETag);
            using var response = await _scim.Http.SendAsync(message, Ct);
            var status = (int)response.StatusCode;
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync(Ct);

            Assert.True(status < 500, $"{status} for {request}\n{text}");
            if (status >= 400)
            {
                AssertScimError(response, status, text, request);
                if (mutating)
                {
                    Assert.Equal(beforeStore, await StoreFingerprint.ReadAsync(_factory));
                    if (target is not null)
                    {
                        var (afterJson, afterETag) = await ReadTargetAsync(target);
                        Assert.True(beforeETag == afterETag && beforeJson == afterJson, $"rejected ({status}) but changed: {request}");
                    }
                }
            }
            else if (request.Method == "DELETE")
            {
                await EnsureTargetsAsync();
            }
        }

        private HttpRequestMessage Build(FuzzRequest request, string? etag)
        {
            var path = Fill(request.Path);
            var message = new HttpRequestMessage(new HttpMethod(request.Method), _scim.BaseUrl + path);
            if (request.Body is not null)
            {
                var body = System.Text.Encoding.UTF8.GetBytes(Fill(System.Text.Encoding.UTF8.GetString(request.Body)));
                message.Content = new ByteArrayContent(request.Body.Any(b => b >= 0x80) ? request.Body : body);
                if (request.ContentType is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
                }
            }

            if (request.IfMatch is not null)
            {
                message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch.Replace("{etag}", etag ?? "\"none\"", StringComparison.Ordinal));
            }

            if (request.Authorization is not null)
            {
                message.Headers.Authorization = null;
                message.Headers.TryAddWithoutValidation("Authorization", request.Authorization.Replace("{token}", _token, StringComparison.Ordinal));
            }

            return message;
        }

        private string Fill(string text) => text
            .Replace("{user}", UserId, StringComparison.Ordinal)
            .Replace("%7Buser%7D", UserId, StringComparison.Ordinal)
            .Replace("{group}", GroupId, StringComparison.Ordinal);

        private static void AssertScimError(HttpResponseMessage response, int status, string text, FuzzRequest request)
        {
            var context = $"{status} for {request}\n{text}";
            Assert.True(response.Content.Headers.ContentType?.MediaType == ScimClient.MediaType, $"not application/scim+json: {context}");
            var body = JsonNode.Parse(text)!.AsObject();
            Assert.True(body["schemas"]?[0]?.GetValue<string>() == ScimResponseAssertions.ErrorSchema, $"no Error schema: {context}");
            Assert.True(body["status"]?.GetValue<string>() == status.ToString(CultureInfo.InvariantCulture), $"status mismatch: {context}");
            Assert.False(string.IsNullOrWhiteSpace(body["detail"]?.GetValue<string>()), $"no detail: {context}");
        }

        private async Task<(string? Json, string? ETag)> ReadTargetAsync(string target)
        {
            using var response = await _scim.Http.GetAsync(_scim.BaseUrl + target, Ct);
            return response.StatusCode == HttpStatusCode.OK
                ? (await response.Content.ReadAsStringAsync(Ct), response.Headers.ETag?.ToString())
                : (null, null);
        }

        private async Task EnsureTargetsAsync()
        {
            if (UserId.Length == 0 || (await ReadTargetAsync($"/Users/{UserId}")).Json is null)
            {
                UserId = (await _scim.CreateUserAsync())["id"]!.GetValue<string>();
            }

            if (GroupId.Length == 0 || (await ReadTargetAsync($"/Groups/{GroupId}")).Json is null)
            {
                var created = await _scim.SendAsync(HttpMethod.Post, $"{_scim.BaseUrl}/Groups", new JsonObject
                {
                    ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
                    ["displayName"] = "Fuzz target " + Guid.NewGuid().ToString("N"),
                    ["members"] = new JsonArray(new JsonObject { ["value"] = UserId }),
                });
                await created.AssertStatusAsync(HttpStatusCode.Created);
                GroupId = (await created.ReadObjectAsync())["id"]!.GetValue<string>();
            }
        }
    }
}
