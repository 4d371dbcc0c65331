package org.hmbd.registry.standard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Multi-party working groups that draft editions (Art. 10). Only members edit a draft. */
@Service
public class WorkingGroups {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    WorkingGroups(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public record Member(long userId, String username, String displayName, Long organizationId,
                         WorkingGroupRole role, Instant addedAt) {
    }

    public record WorkingGroup(long id, String name, long leadOrganizationId, Instant createdAt,
                               List<Member> members) {
    }

    public record MemberRequest(Long userId, String role) {
    }

    /** Creates a group with its lead; called when a proposal enters the work plan. */
    @Transactional
    public long create(String name, long leadOrganizationId, long leadUserId) {
        long id = jdbc.sql("insert into working_group (name, lead_organization_id) values (?, ?) returning id")
                .params(name, leadOrganizationId).query(Long.class).single();
        jdbc.sql("insert into working_group_member (working_group_id, user_id, role) values (?, ?, ?)")
                .params(id, leadUserId, WorkingGroupRole.LEAD.name()).update();
        return id;
    }

    public WorkingGroup get(long id) {
        return jdbc.sql("select id, name, lead_organization_id, created_at from working_group where id = ?")
                .param(id)
                .query((rs, n) -> new WorkingGroup(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), members(id)))
                .optional().orElseThrow(() -> DomainException.notFound("working-group", id));
    }

    List<Member> members(long groupId) {
        return jdbc.sql("""
                        select m.user_id, u.username, u.display_name, u.organization_id, m.role, m.added_at
                        from working_group_member m join app_user u on u.id = m.user_id
                        where m.working_group_id = ? order by m.added_at, m.user_id""")
                .param(groupId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4), WorkingGroupRole.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    public Optional<WorkingGroupRole> roleOf(long groupId, long userId) {
        return jdbc.sql("select role from working_group_member where working_group_id = ? and user_id = ?")
                .params(groupId, userId).query(String.class).optional().map(WorkingGroupRole::valueOf);
    }

    @Transactional
    public WorkingGroup addMember(Actor actor, long groupId, MemberRequest req) {
        requireManager(actor, groupId);
        long userId = Text.requiredValue("userId", req.userId());
        WorkingGroupRole role = Text.enumValue("role", req.role(), WorkingGroupRole.class);
        if (!accounts.userExists(userId)) {
            throw DomainException.invalidField("userId", "unknown-user", userId);
        }
        try {
            jdbc.sql("insert into working_group_member (working_group_id, user_id, role) values (?, ?, ?)")
                    .params(groupId, userId, role.name()).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("already-member", userId);
        }
        return get(groupId);
    }

    @Transactional
    public WorkingGroup removeMember(Actor actor, long groupId, long userId) {
        requireManager(actor, groupId);
        WorkingGroupRole role = roleOf(groupId, userId)
                .orElseThrow(() -> DomainException.notFound("working-group-member", userId));
        if (role == WorkingGroupRole.LEAD && jdbc.sql(
                "select count(*) from working_group_member where working_group_id = ? and role = 'LEAD'")
                .param(groupId).query(Long.class).single() == 1) {
            throw DomainException.conflict("last-lead");
        }
        jdbc.sql("delete from working_group_member where working_group_id = ? and user_id = ?")
                .params(groupId, userId).update();
        return get(groupId);
    }

    /** Refuses with 403 unless the actor is the lead or a drafter of the group. */
    /** Whether the account drafts in the group (its lead or a drafter). */
    public boolean drafts(Long groupId, long userId) {
        return groupId != null && roleOf(groupId, userId)
                .filter(r -> r == WorkingGroupRole.LEAD || r == WorkingGroupRole.DRAFTER).isPresent();
    }

    void requireDrafter(Actor actor, Long groupId) {
        if (!drafts(groupId, actor.id())) {
            throw DomainException.forbidden("working-group-drafter");
        }
    }

    /** Members are managed by the national administration or by the group's lead. */
    /** Whether the account manages the group's members: its lead, or the standards administration. */
    public boolean manages(Actor actor, Long groupId) {
        return actor != null && groupId != null && (actor.has(Role.STANDARDS_ADMIN)
                || roleOf(groupId, actor.id()).filter(r -> r == WorkingGroupRole.LEAD).isPresent());
    }

    private void requireManager(Actor actor, long groupId) {
        get(groupId);
        if (!actor.has(Role.STANDARDS_ADMIN)
                && roleOf(groupId, actor.id()).filter(r -> r == WorkingGroupRole.LEAD).isEmpty()) {
            throw DomainException.forbidden("working-group-lead");
        }
    }
}
