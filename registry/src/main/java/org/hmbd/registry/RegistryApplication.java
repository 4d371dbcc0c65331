package org.hmbd.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The hmbd-registry server: standards lifecycle registry, catalog and conformance testing. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistryApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("audit-verify")) {
            System.exit(org.hmbd.registry.audit.AuditVerifyCommand.run(args, System.out));
        }
        SpringApplication.run(RegistryApplication.class, args);
    }
}
