package org.hmbd.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class IdentityVaultTest {

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    private final IdentityVault vault = new IdentityVault(key());

    @Test
    void encryptsEachValueUnderAFreshNonceAndBindsItToItsColumn() {
        byte[] a = vault.encrypt("11010519491231002X", "app_user.id_number");
        byte[] b = vault.encrypt("11010519491231002X", "app_user.id_number");
        assertThat(a).isNotEqualTo(b);
        assertThat(vault.decrypt(a, "app_user.id_number")).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> vault.decrypt(a, "app_user.real_name")).isInstanceOf(IllegalStateException.class);
        a[a.length - 1] ^= 1;
        assertThatThrownBy(() -> vault.decrypt(a, "app_user.id_number")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLookupHashIsStableForOneKeyAndDiffersForAnotherKeyOrDocument() {
        String h = vault.lookupHash(IdentityDocument.RESIDENT_ID_CARD, "11010519491231002X");
        assertThat(h).matches("[0-9a-f]{64}")
                .isEqualTo(vault.lookupHash(IdentityDocument.RESIDENT_ID_CARD, "11010519491231002X"))
                .isNotEqualTo(vault.lookupHash(IdentityDocument.PASSPORT, "11010519491231002X"))
                .isNotEqualTo(new IdentityVault(key()).lookupHash(IdentityDocument.RESIDENT_ID_CARD, "11010519491231002X"));
    }
}
