package org.hmbd.registry.auth;

import java.time.Instant;

/**
 * An organization with its GB/T 2260 administrative division code and level; an institution also
 * with its hospital grade (null when not stated, and for other levels).
 */
public record Organization(long id, String nameZh, String nameEn, OrganizationKind kind,
                           OrganizationLevel level, String regionCode, InstitutionGrade grade, Instant createdAt,
                           Long parentId) {
}
