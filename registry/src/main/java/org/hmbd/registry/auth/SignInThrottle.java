package org.hmbd.registry.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Exponential back-off after failed sign-ins, per account and per client address (issue 13). The
 * only writer of {@code sign_in_throttle}. Each write is one statement outside any transaction, so
 * a refused sign-in (whose request fails) still counts.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final AuthProperties.Lockout lockout;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    SignInThrottle(JdbcClient jdbc, AuthProperties props, org.springframework.context.ApplicationEventPublisher events) {
        this(jdbc, props.lockout(), Clock.systemUTC(), events);
    }

    SignInThrottle(JdbcClient jdbc, AuthProperties.Lockout lockout, Clock clock) {
        this(jdbc, lockout, clock, null);
    }

    private SignInThrottle(JdbcClient jdbc, AuthProperties.Lockout lockout, Clock clock,
                           org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.lockout = lockout;
        this.clock = clock;
        this.events = events;
    }

    /** Refuses with 429 {@code sign-in-locked} while the account or the address is locked. */
    void check(Long accountId, String address) {
        Instant now = clock.instant();
        Optional<Timestamp> until = jdbc.sql("""
                        select max(locked_until) from sign_in_throttle
                        where ((kind = 'ACCOUNT' and subject = :account) or (kind = 'ADDRESS' and subject = :address))
                          and locked_until > :now""")
                .param("account", accountId == null ? "" : accountId.toString())
                .param("address", subject(address))
                .param("now", Timestamp.from(now))
                .query(Timestamp.class).optional();
        if (until.isPresent()) {
            long seconds = Math.max(1, (Duration.between(now, until.get().toInstant()).toMillis() + 999) / 1000);
            throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, Map.of("retryAfterSeconds", seconds),
                    Msg.of("problem.too-many-requests.sign-in-locked", seconds));
        }
    }

    /** Counts a failure against the account (if the name matched one) and the address. */
    void failed(Long accountId, String address) {
        Instant now = clock.instant();
        if (accountId != null) {
            bump("ACCOUNT", accountId.toString(), lockout.accountFreeAttempts(), now);
        }
        if (address != null) {
            bump("ADDRESS", subject(address), lockout.addressFreeAttempts(), now);
        }
        jdbc.sql("delete from sign_in_throttle where last_failure_at < :forget and coalesce(locked_until, :forget) <= :now")
                .param("forget", Timestamp.from(now.minus(lockout.forgetAfter())))
                .param("now", Timestamp.from(now)).update();
    }

    /** A right password ends the account's count (not the address's: one good account must not reset it). */
    void succeeded(long accountId) {
        jdbc.sql("delete from sign_in_throttle where kind = 'ACCOUNT' and subject = ?").param(Long.toString(accountId))
                .update();
    }

    private void bump(String kind, String subject, int free, Instant now) {
        int failures = jdbc.sql("""
                        insert into sign_in_throttle (kind, subject, failures, last_failure_at)
                        values (:kind, :subject, 1, :now)
                        on conflict (kind, subject) do update set
                            failures = case when sign_in_throttle.last_failure_at < :forget then 1
                                            else sign_in_throttle.failures + 1 end,
                            last_failure_at = :now
                        returning failures""")
                .param("kind", kind).param("subject", subject).param("now", Timestamp.from(now))
                .param("forget", Timestamp.from(now.minus(lockout.forgetAfter())))
                .query(Integer.class).single();
        Duration delay = lockout.delayAfter(failures, free);
        if (!delay.isZero()) {
            jdbc.sql("update sign_in_throttle set locked_until = :until where kind = :kind and subject = :subject")
                    .param("until", Timestamp.from(now.plus(delay))).param("kind", kind).param("subject", subject)
                    .update();
            if (events != null && failures == free + 1) {
                // the first lock of a series: one warning, not one per doubling
                events.publishEvent(new org.hmbd.registry.shared.SecurityEvent(
                        org.hmbd.registry.shared.SecurityEvent.Kind.BRUTE_FORCE, null, null,
                        kind.toLowerCase(java.util.Locale.ROOT) + " " + subject,
                        kind.equals("ADDRESS") ? subject : null));
            }
        }
    }

    /**
     * The address a failure counts against: an IPv4 address as it is, an IPv6 address by its /64
     * (one subscriber usually holds a whole /64 and could otherwise rotate through it).
     */
    static String subject(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String a = address.strip();
        if (a.indexOf(':') >= 0 && a.matches("[0-9A-Fa-f:.%\\[\\]a-zA-Z0-9]+")) {
            try {
                byte[] bytes = InetAddress.getByName(a.replace("[", "").replace("]", "").replaceAll("%.*$", ""))
                        .getAddress();
                if (bytes.length == 16) {
                    return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                // not a literal: fall through
            }
        }
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
