using System.Text.Json.Nodes;
using ScimClean.Application.Groups;
using ScimClean.Application.Users;
using ScimClean.Domain.Groups;
using ScimClean.Domain.Organizations;
using ScimClean.Domain.Users;
using ScimClean.Domain.Webhooks;

namespace ScimClean.Application.Webhooks.Events;

/// <summary>
/// Renders webhook events from domain events: user and group data as the SCIM API returns them, membership
/// events with the group's id and name and the user resource. Nested-group memberships raise no event.
/// </summary>
internal sealed class OutgoingEventFactory(
    IUserRepository users,
    IUserGroupQueries userGroups,
    IOrganizationDomainLookup organizations,
    IScimBaseUrlResolver baseUrls) : IOutgoingEventFactory
{
    private readonly Dictionary<Guid, string?> _domains = [];

    // Users of the membership events being rendered and their groups, read once for the whole commit: a PATCH that
    // adds ten members would otherwise read each user and its groups separately.
    private readonly Dictionary<Guid, User> _members = [];
    private readonly Dictionary<Guid, IReadOnlyList<UserGroupView>> _groupsOfMembers = [];

    public async Task<IReadOnlyList<OutgoingEvent>> CreateAsync(IReadOnlyList<RaisedEvent> raised, CancellationToken cancellationToken)
    {
        await PrefetchMembersAsync(raised, cancellationToken);
        var outgoing = new List<OutgoingEvent>();
        foreach (var (domainEvent, source) in raised)
        {
            var created = domainEvent switch
            {
                IUserEvent userEvent when source is User user => await FromUserEventAsync(userEvent, user, cancellationToken),
                IGroupEvent groupEvent when source is Group group => await FromGroupEventAsync(groupEvent, group, cancellationToken),
                DirectorySyncEnabled enabled => Directory(WebhookEventTypes.DirectoryEnabled, enabled.OrganizationId, enabled.Domain, enabled.OccurredAt),
                DirectorySyncDisabled disabled => Directory(WebhookEventTypes.DirectoryDisabled, disabled.OrganizationId, disabled.Domain, disabled.OccurredAt),
                _ => null,
            };
            if (created is not null)
            {
                outgoing.Add(created);
            }
        }

        return outgoing;
    }

    private async Task<OutgoingEvent?> FromUserEventAsync(IUserEvent userEvent, User user, CancellationToken cancellationToken)
    {
        var domain = await DomainOfAsync(userEvent.OrganizationId, cancellationToken);
        if (domain is null)
        {
            return null;
        }

        var (type, previous) = userEvent switch
        {
            UserCreated => (WebhookEventTypes.UserCreated, (JsonObject?)null),
            UserUpdated updated => (WebhookEventTypes.UserUpdated, updated.PreviousAttributes),
            UserDeactivated deactivated => (WebhookEventTypes.UserDeactivated, deactivated.PreviousAttributes),
            UserReactivated reactivated => (WebhookEventTypes.UserReactivated, reactivated.PreviousAttributes),
            UserDeleted => (WebhookEventTypes.UserDeleted, null),
            _ => (null, null),
        };
        if (type is null)
        {
            return null;
        }

        var data = userEvent switch
        {
            UserDeleted deleted => LastState(deleted.LastState, user.Id, "User"),
            // A user being created has a new id: no group can hold it yet.
            UserCreated => UserResource.Render(user, baseUrls.For(domain), groups: null),
            _ => await RenderUserAsync(user, domain, groupChange: null, cancellationToken),
        };
        return new OutgoingEvent(type, userEvent.OrganizationId, domain, user.Id, data, previous, userEvent.OccurredAt);
    }

    private async Task<OutgoingEvent?> FromGroupEventAsync(IGroupEvent groupEvent, Group group, CancellationToken cancellationToken)
    {
        var domain = await DomainOfAsync(groupEvent.OrganizationId, cancellationToken);
        if (domain is null)
        {
            return null;
        }

        switch (groupEvent)
        {
            case GroupCreated:
                return new(WebhookEventTypes.GroupCreated, group.OrganizationId, domain, group.Id, RenderGroup(group, domain), null, groupEvent.OccurredAt);
            case GroupUpdated updated:
                return new(WebhookEventTypes.GroupUpdated, group.OrganizationId, domain, group.Id, RenderGroup(group, domain), updated.PreviousAttributes, groupEvent.OccurredAt);
            case GroupDeleted deleted:
                return new(WebhookEventTypes.GroupDeleted, group.OrganizationId, domain, group.Id, LastState(deleted.LastState, group.Id, "Group"), null, groupEvent.OccurredAt);
            case GroupMemberAdded { MemberType: MemberType.User } added:
                return await MembershipAsync(WebhookEventTypes.GroupUserAdded, group, domain, added.MemberId, joined: true, groupEvent.OccurredAt, cancellationToken);
            case GroupMemberRemoved { MemberType: MemberType.User } removed:
                return await MembershipAsync(WebhookEventTypes.GroupUserRemoved, group, domain, removed.MemberId, joined: false, groupEvent.OccurredAt, cancellationToken);
            default:
                return null;
        }
    }

    private async Task<OutgoingEvent?> MembershipAsync(
        string type,
        Group group,
        string domain,
        Guid userId,
        bool joined,
        DateTimeOffset occurredAt,
        CancellationToken cancellationToken)
    {
        var user = _members.GetValueOrDefault(userId);
        JsonObject userData = user is null
            ? new JsonObject { ["id"] = userId.ToString() }
            : await RenderUserAsync(user, domain, (group, joined), cancellationToken);
        var data = new JsonObject
        {
            ["group"] = new JsonObject
            {
                ["id"] = group.Id.ToString(),
                ["displayName"] = group.DisplayName,
                ["externalId"] = group.ExternalId,
            },
            ["user"] = userData,
        };
        // The sequence of membership events counts on the group.
        return new OutgoingEvent(type, group.OrganizationId, domain, group.Id, data, null, occurredAt);
    }

    private async Task<JsonObject> RenderUserAsync(
        User user,
        string domain,
        (Group Group, bool Joined)? groupChange,
        CancellationToken cancellationToken)
    {
        var stored = groupChange is not null
            ? _groupsOfMembers.GetValueOrDefault(user.Id)
            : (await userGroups.ListGroupsOfAsync(user.OrganizationId, [user.Id], cancellationToken)).GetValueOrDefault(user.Id);
        var groups = stored?.ToList() ?? [];
        // The membership being committed is not in the database yet: show the user as it is after the commit.
        if (groupChange is var (group, joined))
        {
            groups.RemoveAll(view => view.GroupId == group.Id);
            if (joined)
            {
                groups.Add(new UserGroupView(group.Id, group.DisplayName));
            }
        }

        return UserResource.Render(user, baseUrls.For(domain), groups);
    }

    private async Task PrefetchMembersAsync(IReadOnlyList<RaisedEvent> raised, CancellationToken cancellationToken)
    {
        // A retried commit renders again from a fresh read.
        _members.Clear();
        _groupsOfMembers.Clear();
        var wanted = new Dictionary<Guid, List<Guid>>();
        foreach (var (domainEvent, source) in raised)
        {
            var member = domainEvent switch
            {
                GroupMemberAdded { MemberType: MemberType.User } added => added.MemberId,
                GroupMemberRemoved { MemberType: MemberType.User } removed => removed.MemberId,
                _ => (Guid?)null,
            };
            if (member is { } memberId && source is Group group)
            {
                if (!wanted.TryGetValue(group.OrganizationId, out var ids))
                {
                    wanted[group.OrganizationId] = ids = [];
                }

                ids.Add(memberId);
            }
        }

        foreach (var (organizationId, ids) in wanted)
        {
            var found = await users.ListForRenderingAsync(organizationId, ids, cancellationToken);
            foreach (var user in found)
            {
                _members[user.Id] = user;
            }

            var groupsOf = await userGroups.ListGroupsOfAsync(organizationId, found.Select(user => user.Id).ToList(), cancellationToken);
            foreach (var (userId, groups) in groupsOf)
            {
                _groupsOfMembers[userId] = groups;
            }
        }
    }

    private JsonObject RenderGroup(Group group, string domain) => GroupResource.Render(group, baseUrls.For(domain), members: null);

    private static JsonObject LastState(JsonObject document, Guid id, string resourceType)
    {
        var state = new JsonObject { ["id"] = id.ToString() };
        foreach (var (name, value) in document.ToList())
        {
            state[name] = value?.DeepClone();
        }

        state["meta"] = new JsonObject { ["resourceType"] = resourceType };
        return state;
    }

    private static OutgoingEvent Directory(string type, Guid organizationId, string domain, DateTimeOffset occurredAt) =>
        new(type, organizationId, domain, null, new JsonObject { ["organization"] = domain }, null, occurredAt);

    private async Task<string?> DomainOfAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (!_domains.TryGetValue(organizationId, out var domain))
        {
            domain = await organizations.FindDomainAsync(organizationId, cancellationToken);
            _domains[organizationId] = domain;
        }

        return domain;
    }
}
