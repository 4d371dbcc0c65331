package org.hmbd.registry.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AccountPagesTest {

    @Test
    void theNewAccountFormOffersEveryIdentityDocument() throws ClassNotFoundException {
        assertThat(AccountPages.ID_KINDS).containsExactlyElementsOf(Arrays.stream(
                Class.forName("org.hmbd.registry.auth.IdentityDocument").getEnumConstants())
                .map(c -> ((Enum<?>) c).name()).toList());
    }
}
