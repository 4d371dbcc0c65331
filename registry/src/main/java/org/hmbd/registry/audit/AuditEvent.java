package org.hmbd.registry.audit;

import java.time.Instant;

/** One recorded write: who, what, on what, when, and how it ended. */
public record AuditEvent(long id, Instant at, String actor, Long actorId, String actorNameMasked, Long organizationId,
                         String action, String target, String outcome, Integer status, String detail,
                         String clientIp) {
}
