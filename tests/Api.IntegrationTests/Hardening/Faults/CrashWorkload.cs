using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ScimClean.Api.IntegrationTests.Hardening.Faults;

/// <summary>
/// Concurrent SCIM writes against the child service, and the checks of what survived a kill. Workers own disjoint
/// resources and write each one sequentially, so after a kill each resource is in its last acknowledged state or in
/// the state of the one write that was cut (never anything else).
/// </summary>
public sealed class CrashWorkload(int seed, int workerCount)
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private const string ScimMediaType = "application/scim+json";

    private readonly WorkerModel[] _workers = Enumerable.Range(0, workerCount).Select(index => new WorkerModel(index)).ToArray();
    private readonly ConcurrentQueue<string> _violations = new();
    private int _ackedWrites;
    private int _cutWrites;
    private int _reads;
    private volatile bool _killIssued;

    /// <summary>Everything that broke a promise (lost write, torn PATCH, unexpected status); empty when all held.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    public int AckedWrites => _ackedWrites;

    public int CutWrites => _cutWrites;

    public int Reads => _reads;

    public IEnumerable<UserModel> Users => _workers.SelectMany(worker => worker.Users);

    public IEnumerable<GroupModel> Groups => _workers.SelectMany(worker => worker.Groups);

    /// <summary>
    /// Runs every worker until the service dies; <paramref name="killAfterAcks"/> acknowledged writes into the round,
    /// <paramref name="kill"/> is called (once) while the other workers still have requests in flight.
    /// </summary>
    public async Task RunRoundAsync(HttpClient scim, string basePath, int round, int killAfterAcks, Func<Task> kill)
    {
        _killIssued = false;
        var ackedAtStart = _ackedWrites;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = _workers
            .Select(worker => Task.Run(() => RunWorkerAsync(
                worker, new Random(WorkerSeed(round, worker.Index)), scim, basePath)))
            .ToArray();

        // The kill is triggered by progress, not by a timer: after the chosen number of acknowledged writes (or at
        // once when the service misbehaves, so that a broken run ends and reports instead of spinning).
        var killer = Task.Run(async () =>
        {
            while (_ackedWrites - ackedAtStart < killAfterAcks && _violations.Count < 20 && !workers.All(worker => worker.IsCompleted))
            {
                await Task.Delay(1);
            }

            _killIssued = true;
            await kill();
            killed.SetResult();
        });

        await Task.WhenAll(workers);
        await killer;
        await killed.Task;
    }

    /// <summary>Derived arithmetically: HashCode.Combine is randomized per process, so it would not replay.</summary>
    private int WorkerSeed(int round, int worker) => unchecked(((seed * 31) + round) * 31 + worker);

    /// <summary>After a restart: every resource must hold its acknowledged state or the state of the write that was cut.</summary>
    public async Task VerifyAndReconcileAsync(HttpClient scim, string basePath, string when)
    {
        foreach (var user in Users.ToList())
        {
            await VerifyUserAsync(scim, basePath, user, when);
        }

        var live = Users.Where(user => user.IsLive).Select(user => user.Id!).ToHashSet(StringComparer.Ordinal);
        foreach (var group in Groups.ToList())
        {
            await VerifyGroupAsync(scim, basePath, group, live, when);
        }
    }

    /// <summary>Writes until the service is gone: the kill then lands among requests in flight.</summary>
    private async Task RunWorkerAsync(WorkerModel worker, Random random, HttpClient scim, string basePath)
    {
        try
        {
            while (true)
            {
                await RunOneAsync(worker, random, scim, basePath);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            if (!_killIssued)
            {
                _violations.Enqueue($"worker {worker.Index}: the service failed before the kill: {exception.Message}");
            }
        }
    }

    private Task RunOneAsync(WorkerModel worker, Random random, HttpClient scim, string basePath)
    {
        var liveUsers = worker.Users.Where(user => user.IsLive).ToList();
        var liveGroups = worker.Groups.Where(group => group.IsLive).ToList();
        var roll = random.Next(100);
        return roll switch
        {
            _ when liveUsers.Count < 4 || roll < 18 => CreateUserAsync(worker, random, scim, basePath),
            < 50 => PatchUserAsync(liveUsers[random.Next(liveUsers.Count)], scim, basePath),
            < 58 when liveGroups.Count < 3 => CreateGroupAsync(worker, random, scim, basePath),
            < 72 when liveGroups.Count > 0 => PatchGroupAsync(liveGroups[random.Next(liveGroups.Count)], worker, random, scim, basePath, rename: true),
            < 84 when liveGroups.Count > 0 => PatchGroupAsync(liveGroups[random.Next(liveGroups.Count)], worker, random, scim, basePath, rename: false),
            < 90 when liveUsers.Where(user => !user.GroupEligible).ToList() is { Count: > 0 } deletable =>
                DeleteUserAsync(deletable[random.Next(deletable.Count)], scim, basePath),
            _ => ReadUserAsync(liveUsers[random.Next(liveUsers.Count)], scim, basePath),
        };
    }

    private async Task CreateUserAsync(WorkerModel worker, Random random, HttpClient scim, string basePath)
    {
        var user = new UserModel($"w{worker.Index}-{Guid.NewGuid():N}@crash.example", groupEligible: random.Next(2) == 0)
        {
            CreatePending = true,
        };
        worker.Users.Add(user);
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(UserSchema),
            ["userName"] = user.UserName,
            ["active"] = UserModel.Active(0),
            ["displayName"] = UserModel.DisplayName(0),
            ["title"] = UserModel.Title(0),
            ["name"] = new JsonObject { ["givenName"] = UserModel.GivenName(0), ["familyName"] = UserModel.FamilyName(0) },
        };
        using var response = await SendCountedAsync(scim, HttpMethod.Post, $"{basePath}/Users", body);
        if (await ExpectAsync(response, HttpStatusCode.Created, $"create {user.UserName}"))
        {
            user.Id = (await ReadAsync(response))["id"]!.GetValue<string>();
            user.CreatePending = false;
            Acknowledge();
        }
        else
        {
            worker.Users.Remove(user);
        }
    }

    /// <summary>
    /// Five operations that only make sense together (given and family name, the displayName made of them, title,
    /// active): a PATCH applied in part would leave attributes of two generations.
    /// </summary>
    private async Task PatchUserAsync(UserModel user, HttpClient scim, string basePath)
    {
        var next = user.AckedGeneration + 1;
        user.PendingGeneration = next;
        var body = PatchOp(
            Op("replace", "name.givenName", UserModel.GivenName(next)),
            Op("replace", "name.familyName", UserModel.FamilyName(next)),
            Op("replace", "displayName", UserModel.DisplayName(next)),
            Op("replace", "title", UserModel.Title(next)),
            Op("replace", "active", UserModel.Active(next)));
        using var response = await SendCountedAsync(scim, HttpMethod.Patch, $"{basePath}/Users/{user.Id}", body);
        if (await ExpectAsync(response, HttpStatusCode.OK, $"patch user {user.Id}"))
        {
            CheckUser(await ReadAsync(response), user, [next], "PATCH response");
            user.AckedGeneration = next;
            Acknowledge();
        }

        user.PendingGeneration = null;
    }

    private async Task DeleteUserAsync(UserModel user, HttpClient scim, string basePath)
    {
        user.DeletePending = true;
        using var response = await SendCountedAsync(scim, HttpMethod.Delete, $"{basePath}/Users/{user.Id}", null);
        if (await ExpectAsync(response, HttpStatusCode.NoContent, $"delete user {user.Id}"))
        {
            user.Deleted = true;
            Acknowledge();
        }

        user.DeletePending = false;
    }

    private async Task ReadUserAsync(UserModel user, HttpClient scim, string basePath)
    {
        using var response = await SendCountedAsync(scim, HttpMethod.Get, $"{basePath}/Users/{user.Id}", null);
        if (await ExpectAsync(response, HttpStatusCode.OK, $"read user {user.Id}"))
        {
            // Only this worker writes the user and it is not writing now: the read sees exactly the acknowledged state.
            CheckUser(await ReadAsync(response), user, [user.AckedGeneration], "read during the burst");
            Interlocked.Increment(ref _reads);
        }
    }

    private async Task CreateGroupAsync(WorkerModel worker, Random random, HttpClient scim, string basePath)
    {
        var group = new GroupModel($"crash-w{worker.Index}-{Guid.NewGuid():N}") { CreatePending = true };
        var members = EligibleMembers(worker).OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList();
        group.AckedMembers = new SortedSet<string>(members, StringComparer.Ordinal);
        worker.Groups.Add(group);
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(GroupSchema),
            ["displayName"] = group.DisplayName(0),
            ["members"] = new JsonArray(members.Select(id => (JsonNode)new JsonObject { ["value"] = id }).ToArray()),
        };
        using var response = await SendCountedAsync(scim, HttpMethod.Post, $"{basePath}/Groups", body);
        if (await ExpectAsync(response, HttpStatusCode.Created, $"create group {group.BaseName}"))
        {
            group.Id = (await ReadAsync(response))["id"]!.GetValue<string>();
            group.CreatePending = false;
            Acknowledge();
        }
        else
        {
            worker.Groups.Remove(group);
        }
    }

    /// <summary>A membership change (add one, remove one), with a rename in the same PATCH when <paramref name="rename"/>.</summary>
    private async Task PatchGroupAsync(GroupModel group, WorkerModel worker, Random random, HttpClient scim, string basePath, bool rename)
    {
        var candidates = EligibleMembers(worker).Where(id => !group.AckedMembers.Contains(id)).ToList();
        var operations = new List<JsonObject>();
        var members = new SortedSet<string>(group.AckedMembers, StringComparer.Ordinal);
        var generation = group.AckedGeneration;
        if (rename)
        {
            generation++;
            operations.Add(Op("replace", "displayName", group.DisplayName(generation)));
        }

        if (candidates.Count > 0)
        {
            var added = candidates[random.Next(candidates.Count)];
            members.Add(added);
            operations.Add(Op("add", "members", new JsonArray(new JsonObject { ["value"] = added })));
        }

        if (group.AckedMembers.Count > 0 && random.Next(2) == 0)
        {
            var removed = group.AckedMembers.ElementAt(random.Next(group.AckedMembers.Count));
            members.Remove(removed);
            operations.Add(Op("remove", $"members[value eq \"{removed}\"]", null));
        }

        if (operations.Count == 0)
        {
            return;
        }

        group.Pending = (generation, members);
        using var response = await SendCountedAsync(
            scim, HttpMethod.Patch, $"{basePath}/Groups/{group.Id}", PatchOp([.. operations]));
        if (response.StatusCode == HttpStatusCode.NoContent || await ExpectAsync(response, HttpStatusCode.OK, $"patch group {group.Id}"))
        {
            group.AckedGeneration = generation;
            group.AckedMembers = members;
            Acknowledge();
        }

        group.Pending = null;
    }

    private static IEnumerable<string> EligibleMembers(WorkerModel worker) =>
        worker.Users.Where(user => user.GroupEligible && user.IsLive).Select(user => user.Id!);

    private async Task VerifyUserAsync(HttpClient scim, string basePath, UserModel user, string when)
    {
        if (user.CreatePending)
        {
            // The POST was cut: the user exists (exactly as posted) or not at all.
            var filter = Uri.EscapeDataString($"userName eq \"{user.UserName}\"");
            using var listed = await scim.SendAsync(Request(HttpMethod.Get, $"{basePath}/Users?filter={filter}", null));
            var resources = (await ReadAsync(listed))["Resources"]?.AsArray() ?? [];
            if (resources.Count == 1)
            {
                user.Id = resources[0]!["id"]!.GetValue<string>();
                CheckUser(resources[0]!.AsObject(), user, [0], $"{when}: create cut by the kill");
                user.CreatePending = false;
            }
            else if (resources.Count > 1)
            {
                _violations.Enqueue($"{when}: {resources.Count} users named {user.UserName}");
            }

            return;
        }

        using var response = await scim.SendAsync(Request(HttpMethod.Get, $"{basePath}/Users/{user.Id}", null));
        if (user.Deleted || user.DeletePending)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                user.Deleted = true;
            }
            else if (user.Deleted)
            {
                _violations.Enqueue($"{when}: acknowledged delete of user {user.Id} lost (got {(int)response.StatusCode})");
            }
            else
            {
                CheckUser(await ReadAsync(response), user, [user.AckedGeneration], $"{when}: delete cut by the kill");
            }

            user.DeletePending = false;
            return;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            _violations.Enqueue($"{when}: acknowledged user {user.Id} lost (got {(int)response.StatusCode})");
            return;
        }

        int[] allowed = user.PendingGeneration is { } pending ? [user.AckedGeneration, pending] : [user.AckedGeneration];
        if (CheckUser(await ReadAsync(response), user, allowed, when) is { } observed)
        {
            user.AckedGeneration = observed;
        }

        user.PendingGeneration = null;
    }

    private async Task VerifyGroupAsync(HttpClient scim, string basePath, GroupModel group, HashSet<string> liveUsers, string when)
    {
        JsonObject resource;
        if (group.CreatePending)
        {
            var filter = Uri.EscapeDataString($"displayName eq \"{group.DisplayName(0)}\"");
            using var listed = await scim.SendAsync(Request(HttpMethod.Get, $"{basePath}/Groups?filter={filter}", null));
            var resources = (await ReadAsync(listed))["Resources"]?.AsArray() ?? [];
            if (resources.Count == 0)
            {
                _workers.First(worker => worker.Groups.Contains(group)).Groups.Remove(group);
                return;
            }

            group.Id = resources[0]!["id"]!.GetValue<string>();
            using var read = await scim.SendAsync(Request(HttpMethod.Get, $"{basePath}/Groups/{group.Id}", null));
            resource = await ReadAsync(read);
            group.CreatePending = false;
        }
        else
        {
            using var response = await scim.SendAsync(Request(HttpMethod.Get, $"{basePath}/Groups/{group.Id}", null));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                _violations.Enqueue($"{when}: acknowledged group {group.Id} lost (got {(int)response.StatusCode})");
                return;
            }

            resource = await ReadAsync(response);
        }

        var displayName = resource["displayName"]?.GetValue<string>();
        var members = new SortedSet<string>(
            resource["members"]?.AsArray().Select(member => member!["value"]!.GetValue<string>()) ?? [], StringComparer.Ordinal);
        var states = new List<(int Generation, SortedSet<string> Members)> { (group.AckedGeneration, group.AckedMembers) };
        if (group.Pending is { } pending)
        {
            states.Add(pending);
        }

        var match = states.FirstOrDefault(state => state.Members.SetEquals(members) && group.DisplayName(state.Generation) == displayName);
        if (match.Members is null)
        {
            _violations.Enqueue(
                $"{when}: group {group.Id} is '{displayName}' with [{string.Join(",", members)}], expected one of " +
                string.Join(" | ", states.Select(state => $"'{group.DisplayName(state.Generation)}' with [{string.Join(",", state.Members)}]")));
            return;
        }

        if (members.FirstOrDefault(member => !liveUsers.Contains(member)) is { } stranger)
        {
            _violations.Enqueue($"{when}: group {group.Id} has member {stranger}, which is not a live user");
        }

        group.AckedGeneration = match.Generation;
        group.AckedMembers = match.Members;
        group.Pending = null;
    }

    /// <summary>Checks that the rendered user is coherent and in one of the allowed generations; returns that generation.</summary>
    private int? CheckUser(JsonObject resource, UserModel user, int[] allowed, string when)
    {
        var title = resource["title"]?.GetValue<string>() ?? "";
        var generation = title.StartsWith('T') && int.TryParse(title[1..], out var parsed) ? parsed : -1;
        var coherent = generation >= 0
            && resource["name"]?["givenName"]?.GetValue<string>() == UserModel.GivenName(generation)
            && resource["name"]?["familyName"]?.GetValue<string>() == UserModel.FamilyName(generation)
            && resource["displayName"]?.GetValue<string>() == UserModel.DisplayName(generation)
            && resource["active"]?.GetValue<bool>() == UserModel.Active(generation);
        if (!coherent)
        {
            _violations.Enqueue($"{when}: user {user.Id} is torn (attributes of different writes): {resource.ToJsonString()}");
            return null;
        }

        if (!allowed.Contains(generation))
        {
            _violations.Enqueue(
                $"{when}: user {user.Id} is at generation {generation}, expected one of [{string.Join(",", allowed)}]");
            return null;
        }

        return generation;
    }

    private void Acknowledge() => Interlocked.Increment(ref _ackedWrites);

    /// <summary>Sends; a request the kill cut is counted, and its exception ends the worker.</summary>
    private async Task<HttpResponseMessage> SendCountedAsync(HttpClient scim, HttpMethod method, string url, JsonNode? body)
    {
        try
        {
            return await scim.SendAsync(Request(method, url, body));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            if (method != HttpMethod.Get)
            {
                Interlocked.Increment(ref _cutWrites);
            }

            throw;
        }
    }

    private async Task<bool> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode == expected)
        {
            return true;
        }

        var body = await response.Content.ReadAsStringAsync();
        _violations.Enqueue($"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return false;
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ScimMediaType));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, ScimMediaType);
        }

        return request;
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static JsonObject PatchOp(params JsonObject[] operations) => new()
    {
        ["schemas"] = new JsonArray(PatchOpSchema),
        ["Operations"] = new JsonArray(operations),
    };

    private static JsonObject Op(string op, string path, JsonNode? value)
    {
        var operation = new JsonObject { ["op"] = op, ["path"] = path };
        if (value is not null)
        {
            operation["value"] = value;
        }

        return operation;
    }
}
