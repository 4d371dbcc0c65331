package org.hmbd.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hmbd.registry.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordsTest {

    private final Passwords passwords = new Passwords();

    private static String reason(Runnable r) {
        try {
            r.run();
            return null;
        } catch (DomainException e) {
            return e.reason();
        }
    }

    @Test
    void newHashesAreArgon2idAndEarlierBcryptHashesStillMatchAndAskToBeUpgraded() {
        String hash = passwords.encode("Correct-horse-9");
        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(passwords.matches("Correct-horse-9", hash)).isTrue();
        assertThat(passwords.matches("Correct-horse-8", hash)).isFalse();
        assertThat(passwords.upgradeEncoding(hash)).isFalse();
        String legacy = "{bcrypt}" + new BCryptPasswordEncoder().encode("Correct-horse-9");
        assertThat(passwords.matches("Correct-horse-9", legacy)).isTrue();
        assertThat(passwords.upgradeEncoding(legacy)).isTrue();
    }

    @Test
    void everyCharacterCountsBeyondBcryptsSeventyTwoBytes() {
        String a = "国".repeat(30) + "a1";
        String b = "国".repeat(30) + "a2";
        assertThat(a.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(passwords.matches(b, passwords.encode(a))).isFalse();
        assertThat(passwords.matches("x".repeat(10_000), passwords.encode(a))).isFalse();
    }

    @Test
    void thePolicyRefusesShortUnmixedOverlongCommonAndUserNamePasswords() {
        assertThat(reason(() -> Passwords.check("p", "Short-1", "zhang", 10))).isEqualTo("password-length");
        assertThat(reason(() -> Passwords.check("p", "onlyletters", "zhang", 10))).isEqualTo("password-mix");
        assertThat(reason(() -> Passwords.check("p", "a1".repeat(65), "zhang", 10))).isEqualTo("password-too-long");
        assertThat(reason(() -> Passwords.check("p", "WoAiNi1314", "zhang", 10))).isEqualTo("password-common");
        assertThat(reason(() -> Passwords.check("p", "Qwerty12345", "zhang", 10))).isEqualTo("password-common");
        assertThat(reason(() -> Passwords.check("p", "Zhang-2026-x", "zhang", 10))).isEqualTo("password-username");
        assertThatCode(() -> Passwords.check("p", "a1".repeat(64), "zhang", 10)).doesNotThrowAnyException();
        assertThatCode(() -> Passwords.check("p", "丹桂飘香2026年秋", "zhang", 10)).doesNotThrowAnyException();
    }
}
