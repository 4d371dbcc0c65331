package org.hmbd.registry.auth;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.Text;
import org.hmbd.registry.shared.Transitions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations and real-name user accounts. */
@Service
public class Accounts {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Passwords passwords;
    private final AuthProperties props;
    private final ApplicationEventPublisher events;
    private final SignInThrottle throttle;
    private final IdentityVault vault;
    private final Transitions transitions;
    private final Authority authority;

    /** An account's password changed (published inside the change's transaction). */
    record PasswordChanged(long userId) {
    }

    Accounts(JdbcClient jdbc, Passwords passwordEncoder, AuthProperties props,
             ApplicationEventPublisher events, SignInThrottle throttle, IdentityVault vault, Authority authority) {
        this.authority = authority;
        this.throttle = throttle;
        this.vault = vault;
        this.transitions = new Transitions(jdbc);
        this.events = events;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.passwords = passwordEncoder;
        this.props = props;
    }

    /**
     * @param grade hospital grade, for an institution only (optional)
     * @param parentId the organization above it in the administrative tree; when absent, the nearest
     *        one above whose region holds this one's (a health administration first)
     */
    public record NewOrganization(String nameZh, String nameEn, String kind, String level, String regionCode,
                                  String grade, Long parentId) {
    }

    /**
     * @param realName the holder's legal name (stored encrypted, shown masked)
     * @param idKind the identity document ({@link IdentityDocument}), {@code RESIDENT_ID_CARD} by default
     * @param idNumber its number (GB 11643 check character for a resident identity card)
     */
    public record NewUser(String username, String displayName, String email, Long organizationId,
                          List<String> roles, String initialPassword, String realName, String idKind,
                          String idNumber) {
    }

    /** A registration by the holder (Art. 9: anyone may propose and comment); verified by an administrator. */
    public record NewRegistration(String username, String displayName, String email, Long organizationId,
                                  String password, String realName, String idKind, String idNumber) {
    }

    /** A requested move of an account: {@code ACTIVE} verifies a registration or unlocks. */
    public record StatusChange(String to, String reason) {
    }

    public record AccountTransition(String from, String to, String actor, java.time.Instant at, String reason) {
    }

    /** A created account; {@code oneTimePassword} is set only when the server generated it. */
    public record CreatedUser(UserView user, String oneTimePassword) {
    }

    /** An account as shown: its identity masked, never in clear. */
    public record UserView(long id, String username, String displayName, String email, Long organizationId,
                           Set<Role> roles, AccountStatus status, boolean enabled, boolean mustChangePassword,
                           String realNameMasked, IdentityDocument idKind, String idNumberMasked,
                           List<AccountStatus> allowedTransitions) {
    }

    @Transactional
    public Organization createOrganization(Actor actor, NewOrganization req) {
        Authority.requireAdministrator(actor);
        String nameZh = Text.required("nameZh", req.nameZh(), 200);
        String nameEn = Text.optional("nameEn", req.nameEn(), 200);
        OrganizationKind kind = Text.enumValue("kind", req.kind(), OrganizationKind.class);
        OrganizationLevel level = Text.enumValue("level", req.level(), OrganizationLevel.class);
        String region = RegionCodes.check("regionCode", req.regionCode(), level);
        InstitutionGrade grade = req.grade() == null || req.grade().isBlank() ? null
                : Text.enumValue("grade", req.grade(), InstitutionGrade.class);
        if (grade != null && level != OrganizationLevel.INSTITUTION) {
            throw DomainException.invalidField("grade", "grade-institution-only");
        }
        Long parentId = req.parentId() != null ? req.parentId() : defaultParent(level, region).orElse(null);
        if (parentId == null) {
            if (level != OrganizationLevel.NATIONAL || !actor.has(Role.SYSTEM_ADMIN)) {
                throw DomainException.invalidField("parentId", "required");
            }
        } else {
            Organization parent = jdbc.sql("select * from organization where id = ?").param(parentId)
                    .query(Accounts::mapOrganization).optional()
                    .orElseThrow(() -> DomainException.invalidField("parentId", "unknown-organization", req.parentId()));
            if (parent.level().ordinal() >= level.ordinal() && !(parent.level() == OrganizationLevel.NATIONAL
                    && parent.parentId() == null && level == OrganizationLevel.NATIONAL)) {
                throw DomainException.invalidField("parentId", "parent-level", parent.level());
            }
            if (!regionWithin(parent, region)) {
                throw DomainException.invalidField("parentId", "parent-region", parent.regionCode());
            }
            authority.requireAdministers(actor, parentId);
        }
        return insertOrganization(nameZh, nameEn, kind, level, region, grade, parentId);
    }

    /** Whether a region code lies within the parent's region (a national parent holds every region). */
    private static boolean regionWithin(Organization parent, String region) {
        return switch (parent.level()) {
            case NATIONAL -> true;
            case PROVINCE -> region.startsWith(parent.regionCode().substring(0, 2));
            case PREFECTURE -> region.startsWith(parent.regionCode().substring(0, 4));
            case COUNTY, INSTITUTION -> region.equals(parent.regionCode());
        };
    }

    /** The nearest organization above a new one whose region holds its region: a health administration first. */
    private Optional<Long> defaultParent(OrganizationLevel level, String region) {
        for (int l = level.ordinal() - 1; l >= 0; l--) {
            OrganizationLevel above = OrganizationLevel.values()[l];
            String code = switch (above) {
                case NATIONAL -> null;
                case PROVINCE -> region.substring(0, 2) + "0000";
                case PREFECTURE -> region.substring(0, 4) + "00";
                case COUNTY, INSTITUTION -> region;
            };
            Optional<Long> found = above == OrganizationLevel.NATIONAL
                    ? jdbc.sql("select id from organization where level = 'NATIONAL' and parent_id is null order by id limit 1")
                            .query(Long.class).optional()
                    : jdbc.sql("""
                            select id from organization where level = ? and region_code = ?
                            order by (kind <> 'HEALTH_ADMINISTRATION'), id limit 1""")
                            .params(above.name(), code).query(Long.class).optional();
            if (found.isPresent()) {
                return found;
            }
        }
        if (level == OrganizationLevel.NATIONAL) {
            // a national-level body under the national root, if there is one
            return jdbc.sql("select id from organization where level = 'NATIONAL' and parent_id is null order by id limit 1")
                    .query(Long.class).optional();
        }
        return Optional.empty();
    }

    Organization insertOrganization(String nameZh, String nameEn, OrganizationKind kind, OrganizationLevel level,
                                    String region, InstitutionGrade grade, Long parentId) {
        try {
            long id = jdbc.sql("""
                    insert into organization (name_zh, name_en, kind, level, region_code, grade, parent_id, path)
                    values (?, ?, ?, ?, ?, ?, ?, '') returning id""")
                    .params(nameZh, nameEn, kind.name(), level.name(), region, grade == null ? null : grade.name(),
                            parentId)
                    .query(Long.class).single();
            jdbc.sql("""
                    update organization set path = coalesce((select p.path from organization p where p.id = ?), '/')
                                                   || id || '/'
                    where id = ?""").params(parentId, id).update();
            return organization(id);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("organization-exists", nameZh);
        }
    }

    public Organization organization(long id) {
        return jdbc.sql("select * from organization where id = ?").param(id)
                .query(Accounts::mapOrganization).optional()
                .orElseThrow(() -> DomainException.notFound("organization", id));
    }

    public PageResult<Organization> organizations(String level, String region, String q, PageQuery page) {
        String lvl = ListQuery.given(level);
        String reg = ListQuery.given(region);
        String like = ListQuery.containing(q);
        ListQuery query = ListQuery.filter()
                .and("level = :level", lvl == null ? null : Text.enumValue("level", lvl, OrganizationLevel.class).name())
                .and("region_code like :region", reg == null ? null : ListQuery.startingWith(reg.replaceAll("0+$", "")))
                .and("(name_zh ilike :q or name_en ilike :q)", like);
        return query.page(jdbc, "select * from organization", "select count(*) from organization", "order by id", page,
                Accounts::mapOrganization);
    }

    @Transactional
    public CreatedUser createUser(Actor actor, NewUser req) {
        Authority.requireAdministrator(actor);
        Fields f = fields(req.username(), req.displayName(), req.email(), req.organizationId());
        String username = f.username();
        String displayName = f.displayName();
        String email = f.email();
        Long orgId = f.organizationId();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : req.roles() == null ? List.<String>of() : req.roles()) {
            roles.add(Text.enumValue("roles", r, Role.class));
        }
        authority.requireAdministers(actor, orgId);
        checkGrant(actor, orgId, roles, roles);
        String oneTime = null;
        String password = req.initialPassword();
        if (password == null || password.isEmpty()) {
            oneTime = generatePassword();
            password = oneTime;
        } else {
            checkPasswordPolicy("initialPassword", password, username);
        }
        Identity identity = identity(req.realName(), req.idKind(), req.idNumber());
        long id = insertUser(username, displayName, email, orgId, roles, password, AccountStatus.ACTIVE, true);
        bind(id, identity);
        for (Role r : roles) {
            recordRole(id, r, true, actor.username(), "granted at creation");
        }
        transitions.created(AccountLifecycle.LIFECYCLE, id, AccountStatus.ACTIVE, actor.username(),
                "created by an administrator, identity checked");
        return new CreatedUser(user(id), oneTime);
    }

    /**
     * A registration by the holder: an account without roles, pending until an administrator
     * verifies its identity. The password is the holder's own (no change needed at first sign-in).
     */
    @Transactional
    public UserView register(NewRegistration req) {
        Fields f = fields(req.username(), req.displayName(), req.email(), req.organizationId());
        String username = f.username();
        String displayName = f.displayName();
        String email = f.email();
        Long orgId = f.organizationId();
        String password = Text.requiredValue("password", req.password());
        checkPasswordPolicy("password", password, username);
        Identity identity = identity(req.realName(), req.idKind(), req.idNumber());
        long id = insertUser(username, displayName, email, orgId, Set.of(), password,
                AccountStatus.PENDING_VERIFICATION, false);
        bind(id, identity);
        transitions.created(AccountLifecycle.LIFECYCLE, id, AccountStatus.PENDING_VERIFICATION, username,
                "registered by the holder");
        return user(id);
    }

    /** The fields every new account has, checked. */
    private record Fields(String username, String displayName, String email, Long organizationId) {
    }

    private Fields fields(String username, String displayName, String email, Long organizationId) {
        String u = Text.required("username", username, 64);
        if (!u.matches("[A-Za-z0-9._-]{3,64}")) {
            throw DomainException.invalidField("username", "username-format");
        }
        String d = Text.required("displayName", displayName, 100);
        String e = Text.optional("email", email, 200);
        if (e != null && !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw DomainException.invalidField("email", "email-format");
        }
        Long org = Text.requiredValue("organizationId", organizationId);
        if (jdbc.sql("select count(*) from organization where id = ?").param(org).query(Long.class).single() == 0) {
            throw DomainException.invalidField("organizationId", "unknown-organization", org);
        }
        return new Fields(u, d, e, org);
    }

    /** An identity checked, before anything is stored. */
    private record Identity(String realName, IdentityDocument kind, String number) {
    }

    private Identity identity(String realName, String idKind, String idNumber) {
        String name = Text.required("realName", realName, 100);
        IdentityDocument kind = idKind == null || idKind.isBlank() ? IdentityDocument.RESIDENT_ID_CARD
                : Text.enumValue("idKind", idKind, IdentityDocument.class);
        String number = kind.normalize("idNumber", Text.required("idNumber", idNumber, 40));
        return new Identity(name, kind, number);
    }

    private void bind(long userId, Identity identity) {
        try {
            jdbc.sql("""
                    update app_user set real_name_enc = ?, real_name_masked = ?, id_kind = ?, id_number_enc = ?,
                                        id_number_hmac = ?, id_number_masked = ?
                    where id = ?""")
                    .params(vault.encrypt(identity.realName(), "app_user.real_name"),
                            IdentityDocument.maskName(identity.realName()), identity.kind().name(),
                            vault.encrypt(identity.number(), "app_user.id_number"),
                            vault.lookupHash(identity.kind(), identity.number()),
                            identity.kind().mask(identity.number()), userId)
                    .update();
        } catch (DuplicateKeyException e) {
            // the masked number only: the message must not give the number back in clear
            throw DomainException.conflict("identity-taken", identity.kind().mask(identity.number()));
        }
    }

    /** Verifies, locks, unlocks, disables or re-enables an account (national administrators for now). */
    @Transactional
    public UserView changeStatus(Actor actor, long userId, StatusChange req) {
        Authority.requireAdministrator(actor);
        AccountStatus to = Text.enumValue("to", Text.required("to", req == null ? null : req.to(), 40),
                AccountStatus.class);
        if (actor.id() == userId) {
            throw DomainException.forbidden("own-account");
        }
        UserView current = user(userId);
        if (current.organizationId() == null) {
            throw DomainException.forbidden("outside-subtree");
        }
        authority.requireAdministers(actor, current.organizationId());
        var move = AccountLifecycle.check(current.status(), to);
        transitions.move(AccountLifecycle.LIFECYCLE, userId, move, actor.username(),
                req.reason() == null ? null : Text.optional("reason", req.reason(), 2000));
        if (to != AccountStatus.ACTIVE) {
            events.publishEvent(new AccountEnded(userId)); // its tokens end with it
        }
        return user(userId);
    }

    /** An account can no longer act (locked or disabled): published inside the move's transaction. */
    record AccountEnded(long userId) {
    }

    public List<AccountTransition> history(Actor actor, long userId) {
        user(actor, userId);
        return jdbc.sql("select * from account_transition where user_id = ? order by id").param(userId)
                .query((rs, n) -> new AccountTransition(rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("actor"), rs.getTimestamp("at").toInstant(), rs.getString("reason")))
                .list();
    }

    long insertUser(String username, String displayName, String email, Long orgId, Set<Role> roles,
                    String password, AccountStatus status, boolean mustChangePassword) {
        long id;
        try {
            id = jdbc.sql("""
                    insert into app_user (username, display_name, email, organization_id, password_hash,
                                          must_change_password, status)
                    values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(username, displayName, email, orgId, passwordEncoder.encode(password), mustChangePassword,
                            status.name())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("username-taken", username);
        }
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
        return id;
    }

    public UserView user(long id) {
        return jdbc.sql("select * from app_user where id = ?").param(id)
                .query((rs, n) -> mapUser(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("user", id));
    }

    public boolean userExists(long id) {
        return jdbc.sql("select count(*) from app_user where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** The accounts of the organizations the account administers (its subtree; all for national administrators). */
    public PageResult<UserView> users(Actor actor, Long organizationId, PageQuery page) {
        requireAccountReader(actor);
        String subtree = authority.administeredPath(actor).or(() -> authority.grantingPath(actor))
                .orElseThrow(() -> DomainException.forbidden("outside-subtree"));
        return ListQuery.filter().and("u.organization_id = :organizationId", organizationId)
                .and("o.path like :subtree", subtree.equals("/") ? null : ListQuery.escapeLike(subtree) + "%")
                .page(jdbc, "select u.* from app_user u left join organization o on o.id = u.organization_id",
                        "select count(*) from app_user u left join organization o on o.id = u.organization_id",
                        "order by u.id", page, (rs, n) -> mapUser(rs));
    }

    /** An account, for itself or an administrator over its organization. */
    public UserView user(Actor actor, long id) {
        UserView u = user(id);
        if (actor.id() != id && (u.organizationId() == null || !(authority.administers(actor, u.organizationId())
                || authority.grantsIn(actor, u.organizationId())))) {
            requireAccountReader(actor);
            throw DomainException.forbidden("outside-subtree");
        }
        return u;
    }

    /** An account's tokens are managed by its owner, the security administrator, or an organization administrator above it. */
    public void requireTokenManager(Actor actor, long userId) {
        if (actor.id() == userId) {
            return;
        }
        UserView u = user(userId);
        requireGranter(actor);
        if (u.organizationId() == null || !authority.grantsIn(actor, u.organizationId())) {
            throw DomainException.forbidden("outside-subtree");
        }
    }

    /** 403 unless the account grants roles and manages others' tokens: the security or an organization administrator. */
    private static void requireGranter(Actor actor) {
        if (!(actor.has(Role.SECURITY_ADMIN) || actor.has(Role.ORG_ADMIN))) {
            throw DomainException.forbidden("role", Role.SECURITY_ADMIN + " / " + Role.ORG_ADMIN);
        }
    }

    /** 403 unless the account reads accounts: the system, security or an organization administrator. */
    private static void requireAccountReader(Actor actor) {
        if (!(actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.SECURITY_ADMIN) || actor.has(Role.ORG_ADMIN))) {
            throw DomainException.forbidden("role", Role.SYSTEM_ADMIN + " / " + Role.SECURITY_ADMIN + " / "
                    + Role.ORG_ADMIN);
        }
    }

    /** The whole set of roles an account is to hold, and why it changes. */
    public record RoleChange(List<String> roles, String reason) {
    }

    /** A grant or withdrawal of a role: who, when, why. */
    public record RoleChangeEntry(String role, boolean granted, String actor, java.time.Instant at, String reason) {
    }

    /**
     * Sets the roles an account holds: the security administrator anywhere, an organization
     * administrator the roles it grants ({@link Authority#grantable}) within its subtree. Each role
     * granted or withdrawn is recorded with the reason; the account's sessions and tokens act with
     * the new roles from their next request.
     */
    @Transactional
    public UserView setRoles(Actor actor, long userId, RoleChange req) {
        requireGranter(actor);
        if (req == null || req.roles() == null) {
            throw DomainException.invalidField("roles", "required");
        }
        String reason = Text.required("reason", req.reason(), 2000);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : req.roles()) {
            roles.add(Text.enumValue("roles", r, Role.class));
        }
        if (actor.id() == userId) {
            throw DomainException.forbidden("own-account");
        }
        UserView current = user(userId);
        if (current.organizationId() == null || !authority.grantsIn(actor, current.organizationId())) {
            throw DomainException.forbidden("outside-subtree");
        }
        Set<Role> added = EnumSet.noneOf(Role.class);
        added.addAll(roles);
        added.removeAll(current.roles());
        Set<Role> removed = EnumSet.noneOf(Role.class);
        removed.addAll(current.roles());
        removed.removeAll(roles);
        Set<Role> changed = EnumSet.noneOf(Role.class);
        changed.addAll(added);
        changed.addAll(removed);
        checkGrant(actor, current.organizationId(), roles, changed);
        for (Role r : removed) {
            jdbc.sql("delete from user_role where user_id = ? and role = ?").params(userId, r.name()).update();
            recordRole(userId, r, false, actor.username(), reason);
        }
        for (Role r : added) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(userId, r.name()).update();
            recordRole(userId, r, true, actor.username(), reason);
        }
        return user(userId);
    }

    /** The grants and withdrawals of an account's roles, oldest first. */
    public List<RoleChangeEntry> roleHistory(Actor actor, long userId) {
        user(actor, userId);
        return jdbc.sql("select * from role_change where user_id = ? order by id").param(userId)
                .query((rs, n) -> new RoleChangeEntry(rs.getString("role"), rs.getBoolean("granted"),
                        rs.getString("actor"), rs.getTimestamp("at").toInstant(), rs.getString("reason")))
                .list();
    }

    /**
     * Refuses a role set the rules forbid: roles that may not be held together (400
     * {@code roles-separated}), a national role outside the root of the tree (400
     * {@code role-national}), or a change the granter may not make (403 {@code role-not-grantable}).
     */
    private void checkGrant(Actor actor, long organizationId, Set<Role> roles, Set<Role> changed) {
        if (!Role.compatible(roles)) {
            throw DomainException.invalidField("roles", "roles-separated");
        }
        for (Role r : changed) {
            if (!Authority.grantable(actor).contains(r)) {
                throw DomainException.forbidden("role-not-grantable", r);
            }
        }
        if (roles.stream().anyMatch(Role.NATIONAL::contains) && organization(organizationId).parentId() != null) {
            throw DomainException.invalidField("roles", "role-national");
        }
    }

    void recordRole(long userId, Role role, boolean granted, String actor, String reason) {
        jdbc.sql("insert into role_change (user_id, role, granted, actor, reason) values (?, ?, ?, ?, ?)")
                .params(userId, role.name(), granted, actor, reason).update();
    }

    @Transactional
    public void changePassword(Actor actor, String current, String next) {
        Text.requiredValue("currentPassword", current);
        Text.requiredValue("newPassword", next);
        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(actor.id())
                .query(String.class).single();
        if (!passwordEncoder.matches(current, hash)) {
            throw DomainException.invalidField("currentPassword", "wrong-password");
        }
        if (current.equals(next)) {
            throw DomainException.invalidField("newPassword", "same-password");
        }
        checkPasswordPolicy("newPassword", next, actor.username());
        jdbc.sql("""
                update app_user set password_hash = ?, must_change_password = false, password_changed_at = now()
                where id = ?""").params(passwordEncoder.encode(next), actor.id()).update();
        // a new password ends every token issued under the old one (including the one in use)
        events.publishEvent(new PasswordChanged(actor.id()));
    }

    /**
     * The account for a user name and password, if both are right and the account is enabled.
     * Refused with 429 while the account or the client address is locked after failed attempts
     * ({@link SignInThrottle}); every failure counts.
     */
    Optional<Actor> authenticate(String username, String password, String clientAddress) {
        if (username == null || password == null) {
            throttle.check(null, clientAddress);
            throttle.failed(null, clientAddress);
            return Optional.empty();
        }
        Optional<Map<String, Object>> row = jdbc.sql(
                        "select id, password_hash, status from app_user where lower(username) = lower(?)")
                .param(username).query().listOfRows().stream().findFirst();
        Long id = row.map(r -> ((Number) r.get("id")).longValue()).orElse(null);
        throttle.check(id, clientAddress);
        boolean ok;
        if (row.isEmpty()) {
            passwordEncoder.matches(password, passwords.dummy()); // same work whether or not the user exists
            ok = false;
        } else {
            String stored = (String) row.get().get("password_hash");
            ok = passwordEncoder.matches(password, stored);
            if (ok && passwordEncoder.upgradeEncoding(stored)) {
                // a bcrypt hash of an earlier version: re-hashed with Argon2id now that the password is known
                jdbc.sql("update app_user set password_hash = ? where id = ?")
                        .params(passwordEncoder.encode(password), id).update();
            }
        }
        if (!ok) {
            throttle.failed(id, clientAddress);
            return Optional.empty();
        }
        throttle.succeeded(id);
        String status = (String) row.get().get("status");
        if (!AccountStatus.ACTIVE.name().equals(status)) {
            // told only to whoever knows the password: no way to learn an account's state otherwise
            throw DomainException.forbidden("account-" + status.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return actor(id);
    }

    /** The account's own spelling of a user name, if an account has it (nothing is stored otherwise). */
    Optional<String> existingUsername(String username) {
        if (username == null || username.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("select username from app_user where lower(username) = lower(?)").param(username.strip())
                .query(String.class).optional();
    }

    /** The id of the active account of exactly this user name, if any (to name a lead or a member in a form). */
    public Optional<Long> activeAccountId(String username) {
        return username == null || username.isBlank() ? Optional.empty()
                : activeByUsername(username.strip()).map(Actor::id);
    }

    /** The active account of exactly this user name, if any. */
    Optional<Actor> activeByUsername(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).optional()
                .flatMap(this::actor);
    }

    Optional<Actor> actor(long userId) {
        return jdbc.sql("""
                        select u.id, u.username, u.display_name, u.organization_id, u.must_change_password,
                               u.real_name_masked, coalesce(string_agg(r.role, ','), '') as roles
                        from app_user u left join user_role r on r.user_id = u.id
                        where u.id = ? and u.status = 'ACTIVE'
                        group by u.id""")
                .param(userId)
                .query((rs, n) -> new Actor(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        (Long) rs.getObject("organization_id"), roles(rs.getString("roles")),
                        rs.getBoolean("must_change_password"), rs.getString("real_name_masked")))
                .optional();
    }

    /** The first history row of an account created in {@code status}. */
    void created(long userId, AccountStatus status, String actor, String reason) {
        transitions.created(AccountLifecycle.LIFECYCLE, userId, status, actor, reason);
    }

    boolean sessionStillValid(long userId, java.time.Instant sessionStart) {
        if (sessionStart.plus(props.sessionMaxAge()).isBefore(java.time.Instant.now())) {
            return false;
        }
        return jdbc.sql("""
                        select count(*) from app_user where id = ? and status = 'ACTIVE'
                          and (password_changed_at is null or password_changed_at < ?)""")
                .params(userId, java.sql.Timestamp.from(sessionStart)).query(Long.class).single() > 0;
    }

    /** Whether an account that is not disabled holds the role. */
    boolean holds(Role role) {
        return jdbc.sql("""
                select count(*) from user_role r join app_user u on u.id = r.user_id
                where r.role = ? and u.status <> 'DISABLED'""").param(role.name()).query(Long.class).single() > 0;
    }

    Optional<Long> organizationIdByName(String nameZh) {
        return jdbc.sql("select id from organization where name_zh = ?").param(nameZh).query(Long.class).optional();
    }

    /** The password policy ({@link Passwords#check}), with the account's user name where known. */
    void checkPasswordPolicy(String field, String password, String username) {
        Passwords.check(field, password, username, props.minPasswordLength());
    }

    static String generatePassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        // guarantee the letter-and-digit policy
        sb.setCharAt(RANDOM.nextInt(8), (char) ('2' + RANDOM.nextInt(8)));
        sb.setCharAt(8 + RANDOM.nextInt(8), (char) ('a' + RANDOM.nextInt(8)));
        return sb.toString();
    }

    private UserView mapUser(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Set<Role> roles = new HashSet<>(jdbc.sql("select role from user_role where user_id = ?").param(id)
                .query((r, n) -> Role.valueOf(r.getString(1))).list());
        AccountStatus status = AccountStatus.valueOf(rs.getString("status"));
        return new UserView(id, rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                (Long) rs.getObject("organization_id"), roles, status, status == AccountStatus.ACTIVE,
                rs.getBoolean("must_change_password"), rs.getString("real_name_masked"),
                rs.getString("id_kind") == null ? null : IdentityDocument.valueOf(rs.getString("id_kind")),
                rs.getString("id_number_masked"), AccountLifecycle.allowedTargets(status));
    }

    private static Set<Role> roles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static Organization mapOrganization(ResultSet rs, int n) throws SQLException {
        return new Organization(rs.getLong("id"), rs.getString("name_zh"), rs.getString("name_en"),
                OrganizationKind.valueOf(rs.getString("kind")), OrganizationLevel.valueOf(rs.getString("level")),
                rs.getString("region_code"),
                rs.getString("grade") == null ? null : InstitutionGrade.valueOf(rs.getString("grade")),
                rs.getTimestamp("created_at").toInstant(), (Long) rs.getObject("parent_id"));
    }

}
