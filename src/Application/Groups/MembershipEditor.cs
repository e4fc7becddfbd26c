using ScimClean.Application.Scim.Patching;
using ScimClean.Domain.Groups;

namespace ScimClean.Application.Groups;

/// <summary>
/// Applies membership changes to one group row by row: an add or a remove touches only the rows of the
/// members it names, and raises an event only for a real change (adding a present member, or removing an
/// absent one, does nothing).
/// </summary>
internal sealed class MembershipEditor(
    IGroupMembershipRepository memberships,
    IGroupMemberResolver resolver,
    Group group,
    DateTimeOffset now)
{
    // What this request knows of the rows it touched: null means "not a member".
    private readonly Dictionary<Guid, GroupMembership?> _known = [];
    private bool _knowsAll;

    /// <summary>The memberships this editor created, in order (what a create returns before the commit).</summary>
    public List<GroupMembership> Added { get; } = [];

    public async Task<Result> ApplyAsync(IEnumerable<MembershipChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            var result = change.Kind switch
            {
                MembershipChangeKind.Add => await AddAsync(change.MemberIds, cancellationToken),
                MembershipChangeKind.Remove => await RemoveAsync(ParseKnownIds(change.MemberIds), cancellationToken),
                MembershipChangeKind.RemoveAll => await RemoveAllAsync(cancellationToken),
                MembershipChangeKind.ReplaceAll => await ReplaceAllAsync(change.MemberIds, cancellationToken),
                _ => throw new InvalidOperationException($"unknown membership change {change.Kind}"),
            };
            if (result.IsFailure)
            {
                return result;
            }
        }

        return Result.Success();
    }

    /// <summary>The member set after the changes, when this editor has read every membership (replace-all).</summary>
    public IReadOnlyList<GroupMemberView>? CurrentMembers() => _knowsAll
        ? _known.Values.OfType<GroupMembership>()
            .Select(membership => new GroupMemberView(membership.MemberId, membership.MemberType, null))
            .ToList()
        : null;

    private async Task<Result> AddAsync(IReadOnlyList<string> rawIds, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        var invalid = new List<string>();
        foreach (var raw in rawIds)
        {
            if (Guid.TryParse(raw, out var id))
            {
                ids.Add(id);
            }
            else
            {
                invalid.Add(raw);
            }
        }

        if (invalid.Count > 0)
        {
            return GroupErrors.UnknownMembers(invalid);
        }

        var types = await resolver.ResolveAsync(group.OrganizationId, ids, cancellationToken);
        var unknown = ids.Where(id => !types.ContainsKey(id)).Select(id => id.ToString()).ToList();
        if (unknown.Count > 0)
        {
            return GroupErrors.UnknownMembers(unknown);
        }

        await LoadAsync(ids, cancellationToken);
        foreach (var id in ids.Distinct())
        {
            if (_known[id] is not null)
            {
                continue;
            }

            var added = group.AddMember(id, types[id], now);
            if (added.IsFailure)
            {
                return added.Error!;
            }

            memberships.Add(added.Value);
            Added.Add(added.Value);
            _known[id] = added.Value;
        }

        return Result.Success();
    }

    private async Task<Result> RemoveAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await LoadAsync(ids, cancellationToken);
        foreach (var id in ids)
        {
            if (_known[id] is { } membership)
            {
                memberships.Remove(membership);
                group.RemoveMember(membership, now);
                _known[id] = null;
            }
        }

        return Result.Success();
    }

    private async Task<Result> RemoveAllAsync(CancellationToken cancellationToken)
    {
        await LoadAllAsync(cancellationToken);
        return await RemoveAsync(_known.Where(pair => pair.Value is not null).Select(pair => pair.Key).ToList(), cancellationToken);
    }

    private async Task<Result> ReplaceAllAsync(IReadOnlyList<string> rawIds, CancellationToken cancellationToken)
    {
        await LoadAllAsync(cancellationToken);
        var wanted = ParseKnownIds(rawIds).ToHashSet();
        var leaving = _known.Where(pair => pair.Value is not null && !wanted.Contains(pair.Key)).Select(pair => pair.Key).ToList();
        var added = await AddAsync(rawIds, cancellationToken);
        return added.IsFailure ? added : await RemoveAsync(leaving, cancellationToken);
    }

    private async Task LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !_known.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        if (_knowsAll)
        {
            missing.ForEach(id => _known[id] = null);
            return;
        }

        var found = await memberships.FindAsync(group.Id, missing, cancellationToken);
        foreach (var id in missing)
        {
            _known[id] = found.FirstOrDefault(membership => membership.MemberId == id);
        }
    }

    private async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        if (_knowsAll)
        {
            return;
        }

        foreach (var membership in await memberships.ListAsync(group.Id, cancellationToken))
        {
            _known.TryAdd(membership.MemberId, membership);
        }

        _knowsAll = true;
    }

    /// <summary>Ids to remove: one that is not a GUID names no member, so removing it is a no-op.</summary>
    private static List<Guid> ParseKnownIds(IEnumerable<string> rawIds) =>
        rawIds.Select(raw => Guid.TryParse(raw, out var id) ? id : (Guid?)null)
            .OfType<Guid>()
            .Distinct()
            .ToList();
}
