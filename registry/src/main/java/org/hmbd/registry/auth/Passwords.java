package org.hmbd.registry.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing and policy. New hashes are Argon2id (16 MiB, 2 passes); bcrypt hashes of
 * earlier versions still match and are re-hashed at the next sign-in. Hashing is memory-hard on
 * purpose, so at most as many run at once as the machine has processors: a flood of sign-ins waits
 * (and gives up after 10 s with 429) instead of exhausting memory.
 */
@org.springframework.stereotype.Component
final class Passwords implements PasswordEncoder {

    /** Longest password accepted (characters); longer ones are refused, never cut. */
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load();

    private final DelegatingPasswordEncoder delegate;
    private final Semaphore permits = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    /** Compared against when no account has the name: the same work as a real check. */
    private final String dummy;

    Passwords() {
        delegate = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
        dummy = delegate.encode("dummy-" + System.nanoTime());
    }

    @Override
    public String encode(CharSequence raw) {
        return bounded(() -> delegate.encode(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || raw.length() > MAX_LENGTH || encoded == null) {
            bounded(() -> delegate.matches("", dummy)); // the same work as a wrong password
            return false;
        }
        return bounded(() -> delegate.matches(raw, encoded));
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return delegate.upgradeEncoding(encoded);
    }

    String dummy() {
        return dummy;
    }

    /** The policy: length, letters and digits, not a common password, not the user name. */
    static void check(String field, String password, String username, int minLength) {
        if (password.length() > MAX_LENGTH) {
            throw DomainException.invalidField(field, "password-too-long", MAX_LENGTH);
        }
        if (password.length() < minLength) {
            throw DomainException.invalidField(field, "password-length", minLength);
        }
        if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            throw DomainException.invalidField(field, "password-mix");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw DomainException.invalidField(field, "password-common");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw DomainException.invalidField(field, "password-username");
        }
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        try {
            if (!permits.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, Map.of("retryAfterSeconds", 5),
                        Msg.of("problem.too-many-requests.detail"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Passwords.class.getResourceAsStream("/auth/common-passwords.txt"), StandardCharsets.UTF_8))) {
            r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> set.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
