using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScimClean.Api.Auth;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;

namespace ScimClean.Api.IntegrationTests.Webhooks.MultiInstance;

/// <summary>Two instances on one PostgreSQL database, taking SCIM requests for the same directory at the same moment.</summary>
public sealed class MultiInstanceScimTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateUser_WhenBothInstancesGetTheSameUserNameAtOnce_ShouldAnswerOne201AndOne409()
    {
        await using var hosts = TwoInstances.Create();
        var (scimA, scimB) = await DirectoryOnBothAsync(hosts);

        for (var round = 0; round < 10; round++)
        {
            var userName = UserBodies.NewUserName();
            var responses = await Task.WhenAll(
                scimA.PostUserAsync(UserBodies.Minimal(userName)), scimB.PostUserAsync(UserBodies.Minimal(userName)));

            Assert.Equal(
                [HttpStatusCode.Created, HttpStatusCode.Conflict],
                responses.Select(response => response.StatusCode).Order());
        }
    }

    [Fact]
    public async Task PatchUser_WhenBothInstancesAddDistinctValuesAtOnce_ShouldLoseNone()
    {
        await using var hosts = TwoInstances.Create();
        var (scimA, scimB) = await DirectoryOnBothAsync(hosts);
        var id = (await scimA.CreateUserAsync())["id"]!.GetValue<string>();
        var emails = Enumerable.Range(0, 16).Select(i => $"mail{i}@example.com").ToList();

        // Sixteen writers on one row can outlast the service's own conflict retries; the 409 it then answers says
        // "read it and try again", which a directory does. Lost would be a 200 whose change is missing.
        var responses = await Task.WhenAll(emails.Select(async (email, i) =>
        {
            var scim = i % 2 == 0 ? scimA : scimB;
            var body = PatchBodies.Patch("add", "emails", new JsonArray(new JsonObject { ["value"] = email, ["type"] = "other" }));
            var response = await scim.PatchUserAsync(id, body);
            for (var resend = 0; resend < 5 && response.StatusCode == HttpStatusCode.Conflict; resend++)
            {
                response = await scim.PatchUserAsync(id, body.DeepClone());
            }

            return response;
        }));

        foreach (var response in responses)
        {
            await response.AssertStatusAsync(HttpStatusCode.OK);
        }

        var user = await scimB.GetUserJsonAsync(id);
        var stored = user["emails"]!.AsArray().Select(email => email!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(emails.Order(StringComparer.Ordinal), stored);
        Assert.Equal($"W/\"{emails.Count + 1}\"", user["meta"]!["version"]!.GetValue<string>());
    }

    /// <summary>Both generate a key when none is configured; only one may be stored, and both must then use it.</summary>
    [Fact]
    public async Task Start_WhenBothInstancesStartAtOnceOnAnEmptyDatabase_ShouldMigrateOnceAndAgreeOnOneAdminKey()
    {
        await using var hosts = TwoInstances.Create();
        hosts.A.Settings.Remove(AdminApiKeyBootstrapper.ConfigurationKey);
        hosts.B.Settings.Remove(AdminApiKeyBootstrapper.ConfigurationKey);
        var original = Console.Out;
        try
        {
            // The generated key goes to the console; keep it out of the test output.
            Console.SetOut(TextWriter.Null);
            await Task.WhenAll(Task.Run(() => hosts.A.Services, Ct), Task.Run(() => hosts.B.Services, Ct));
        }
        finally
        {
            Console.SetOut(original);
        }

        var hashOfA = hosts.A.Services.GetRequiredService<AdminApiKeyHash>().Value;
        var hashOfB = hosts.B.Services.GetRequiredService<AdminApiKeyHash>().Value;
        Assert.Equal(hashOfA, hashOfB);
        var stored = await hosts.QueryAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT \"KeyHash\" AS \"Value\" FROM \"AdminApiKeys\"").ToListAsync(Ct));
        Assert.Equal(hashOfA, Assert.Single(stored));
        var pending = await hosts.QueryAsync(async db => (await db.Database.GetPendingMigrationsAsync(Ct)).ToList());
        Assert.Empty(pending);
    }

    private static async Task<(ScimClient A, ScimClient B)> DirectoryOnBothAsync(TwoInstances hosts)
    {
        var (domain, token) = await hosts.A.CreateAdminClient().CreateDirectoryAsync();
        return (new ScimClient(hosts.A.CreateScimClient(token), domain), new ScimClient(hosts.B.CreateScimClient(token), domain));
    }
}
