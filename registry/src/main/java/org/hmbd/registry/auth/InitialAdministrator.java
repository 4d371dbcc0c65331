package org.hmbd.registry.auth;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No default passwords, and no account holding two administrators' duties: at start, for each of
 * the system administrator and the security administrator that no account holds yet (the first
 * start, or the first start after the national administrator was split), creates its account in
 * the national commission, with the configured password or a random one-time password printed once
 * to the log. Either must be changed at first sign-in. The security administrator then grants the
 * other roles (the audit and standards administrators included) to accounts the system
 * administrator creates.
 */
@Component
@Order(0)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);
    static final String NATIONAL_COMMISSION = "国家卫生健康委员会";

    private final Accounts accounts;
    private final AuthProperties props;

    InitialAdministrator(Accounts accounts, AuthProperties props) {
        this.accounts = accounts;
        this.props = props;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ensure(Role.SYSTEM_ADMIN, props.bootstrapAdminUsername(), "系统管理员 System administrator");
        ensure(Role.SECURITY_ADMIN, props.bootstrapSecurityUsername(), "安全管理员 Security administrator");
    }

    private void ensure(Role role, String username, String displayName) {
        if (accounts.holds(role)) {
            return;
        }
        if (accounts.existingUsername(username).isPresent()) {
            log.error("No account holds {} and the user name '{}' is taken: set hmbd.auth.bootstrap-{}-username "
                    + "to a free name and restart", role, username,
                    role == Role.SYSTEM_ADMIN ? "admin" : "security");
            return;
        }
        long orgId = accounts.organizationIdByName(NATIONAL_COMMISSION).orElseGet(() -> accounts.insertOrganization(
                NATIONAL_COMMISSION, "National Health Commission", OrganizationKind.HEALTH_ADMINISTRATION,
                OrganizationLevel.NATIONAL, RegionCodes.NATIONAL, null, null).id());
        String configured = props.bootstrapAdminPassword();
        boolean generated = configured == null || configured.isEmpty();
        String password = generated ? Accounts.generatePassword() : configured;
        if (!generated) {
            accounts.checkPasswordPolicy("hmbd.auth.bootstrap-admin-password", password, username);
        }
        long id = accounts.insertUser(username, displayName, null, orgId, EnumSet.of(role), password,
                AccountStatus.ACTIVE, true);
        accounts.created(id, AccountStatus.ACTIVE, "system", "the initial " + role);
        accounts.recordRole(id, role, true, "system", "the initial " + role);
        if (generated) {
            log.warn("""

                    ================================================================
                    初始{}已创建 / Initial {} created
                      user name / 用户名:          {}
                      one-time password / 一次性密码: {}
                    首次登录后必须修改密码 / Must be changed at first sign-in.
                    This is the only time it is shown. / 仅显示这一次。
                    ================================================================""",
                    displayName.substring(0, displayName.indexOf(' ')), displayName.substring(displayName.indexOf(' ') + 1)
                            .toLowerCase(java.util.Locale.ROOT), username, password);
        } else {
            log.warn("Initial {} '{}' created with the configured password; it must be changed at first sign-in",
                    role, username);
        }
    }
}
