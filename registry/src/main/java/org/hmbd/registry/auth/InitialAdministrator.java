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
 * No default passwords: on the first start (no accounts yet) creates the national commission and
 * its administrator, with the configured password or a random one-time password printed once to
 * the log. Either must be changed at first sign-in.
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
        if (accounts.hasUsers()) {
            return;
        }
        long orgId = accounts.organizationIdByName(NATIONAL_COMMISSION).orElseGet(() -> accounts.insertOrganization(
                NATIONAL_COMMISSION, "National Health Commission", OrganizationKind.HEALTH_ADMINISTRATION,
                OrganizationLevel.NATIONAL, RegionCodes.NATIONAL, null, null).id());
        String configured = props.bootstrapAdminPassword();
        boolean generated = configured == null || configured.isEmpty();
        String password = generated ? Accounts.generatePassword() : configured;
        if (!generated) {
            accounts.checkPasswordPolicy("hmbd.auth.bootstrap-admin-password", password, props.bootstrapAdminUsername());
        }
        long id = accounts.insertUser(props.bootstrapAdminUsername(), "国家管理员 National administrator", null, orgId,
                EnumSet.of(Role.NATIONAL_ADMIN), password, AccountStatus.ACTIVE, true);
        accounts.created(id, AccountStatus.ACTIVE, "system", "the initial national administrator");
        if (generated) {
            log.warn("""

                    ================================================================
                    初始国家管理员已创建 / Initial national administrator created
                      user name / 用户名:          {}
                      one-time password / 一次性密码: {}
                    首次登录后必须修改密码 / Must be changed at first sign-in.
                    This is the only time it is shown. / 仅显示这一次。
                    ================================================================""",
                    props.bootstrapAdminUsername(), password);
        } else {
            log.warn("Initial national administrator '{}' created with the configured password; "
                    + "it must be changed at first sign-in", props.bootstrapAdminUsername());
        }
    }
}
