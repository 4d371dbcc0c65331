package org.hmbd.registry;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature modules only use each other's public API, and have no cycles. */
class ModularityTest {

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(RegistryApplication.class).verify();
    }
}
