namespace ScimClean.Api.IntegrationTests.Hardening.Faults;

/// <summary>
/// What the client knows about one user: the last state the service acknowledged, and the write it sent but got no
/// answer for (the kill cut it), which may or may not have committed. Every attribute the workload writes is
/// derived from one generation number, so a state is one integer and a torn write shows as attributes that disagree.
/// </summary>
public sealed class UserModel(string userName, bool groupEligible)
{
    public string UserName { get; } = userName;

    /// <summary>Users that may be group members are never deleted, so a group's expected members stay exact.</summary>
    public bool GroupEligible { get; } = groupEligible;

    public string? Id { get; set; }

    public int AckedGeneration { get; set; }

    public int? PendingGeneration { get; set; }

    public bool Deleted { get; set; }

    public bool DeletePending { get; set; }

    /// <summary>The POST was sent but not answered: the id is unknown until the user is looked up by userName.</summary>
    public bool CreatePending { get; set; }

    public bool IsLive => Id is not null && !Deleted && !DeletePending && !CreatePending;

    public static string GivenName(int generation) => $"G{generation}";

    public static string FamilyName(int generation) => $"F{generation}";

    public static string DisplayName(int generation) => $"G{generation} F{generation}";

    public static string Title(int generation) => $"T{generation}";

    /// <summary>Every third generation deactivates, so PATCHes also emit user.deactivated / user.reactivated.</summary>
    public static bool Active(int generation) => generation == 0 || generation % 3 != 0;
}

/// <summary>A group's acknowledged state (generation of its displayName, and its members) and the write in doubt.</summary>
public sealed class GroupModel(string baseName)
{
    public string BaseName { get; } = baseName;

    public string? Id { get; set; }

    public int AckedGeneration { get; set; }

    public SortedSet<string> AckedMembers { get; set; } = new(StringComparer.Ordinal);

    public (int Generation, SortedSet<string> Members)? Pending { get; set; }

    public bool CreatePending { get; set; }

    public bool IsLive => Id is not null && !CreatePending;

    public string DisplayName(int generation) => $"{BaseName} v{generation}";
}

/// <summary>The users and groups one worker owns: only it writes them, one request at a time, so their states are exact.</summary>
public sealed class WorkerModel(int index)
{
    public int Index { get; } = index;

    public List<UserModel> Users { get; } = [];

    public List<GroupModel> Groups { get; } = [];
}
