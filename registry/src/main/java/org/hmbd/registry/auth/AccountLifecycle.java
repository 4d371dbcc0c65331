package org.hmbd.registry.auth;

import static org.hmbd.registry.auth.AccountStatus.*;
import static org.hmbd.registry.shared.Lifecycle.move;

import java.util.List;
import org.hmbd.registry.shared.Lifecycle;

/** The account state machine: verification of a registration, locks, disabling, with history. */
final class AccountLifecycle {

    /** Who moves an account: an administrator over it. */
    enum Party { ADMINISTRATOR }

    static final Lifecycle<AccountStatus, Party> LIFECYCLE = new Lifecycle<>(
            new Lifecycle.Table("app_user", "account_transition", "user_id"), null, List.of(
            move(PENDING_VERIFICATION, ACTIVE, Party.ADMINISTRATOR, false),
            move(PENDING_VERIFICATION, DISABLED, Party.ADMINISTRATOR, true),
            move(ACTIVE, LOCKED, Party.ADMINISTRATOR, true),
            move(LOCKED, ACTIVE, Party.ADMINISTRATOR, false),
            move(ACTIVE, DISABLED, Party.ADMINISTRATOR, true),
            move(LOCKED, DISABLED, Party.ADMINISTRATOR, true),
            move(DISABLED, ACTIVE, Party.ADMINISTRATOR, true)));

    private AccountLifecycle() {
    }

    static Lifecycle.Move<AccountStatus, Party> check(AccountStatus from, AccountStatus to) {
        return LIFECYCLE.checkRequested(from, to);
    }

    static List<AccountStatus> allowedTargets(AccountStatus from) {
        return LIFECYCLE.requestableTargets(from);
    }
}
