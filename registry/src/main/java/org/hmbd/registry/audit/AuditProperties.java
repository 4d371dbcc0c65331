package org.hmbd.registry.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit trail.
 *
 * @param macKey the key (base64, 32 bytes) of the MAC that seals every audit record and the chain's
 *        end. Unset: generated once into {@code <key-dir>/audit.key}. Keep it outside the database
 *        (and its backups): whoever holds it can forge records.
 * @param lockTimeout how long an append waits for the chain's end (appends are serialized) before
 *        it fails (default 5s); a write whose audit record cannot be written in that time is
 *        refused with 503 {@code audit-unavailable} instead of hanging
 */
@ConfigurationProperties("hmbd.audit")
public record AuditProperties(String macKey, java.time.Duration lockTimeout) {

    public AuditProperties {
        if (lockTimeout == null) {
            lockTimeout = java.time.Duration.ofSeconds(5);
        }
    }
}
