package org.hmbd.registry.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit trail.
 *
 * @param macKey the key (base64, 32 bytes) of the MAC that seals every audit record and the chain's
 *        end. Unset: generated once into {@code <key-dir>/audit.key}. Keep it outside the database
 *        (and its backups): whoever holds it can forge records.
 */
@ConfigurationProperties("hmbd.audit")
public record AuditProperties(String macKey) {
}
