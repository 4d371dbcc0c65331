package org.hmbd.registry.auth;

/** What an organization is (Art. 9 names citizens, institutions, associations and enterprises as proposers). */
enum OrganizationKind {
    HEALTH_ADMINISTRATION,
    HEALTHCARE_INSTITUTION,
    ASSOCIATION,
    ENTERPRISE,
    RESEARCH_INSTITUTE,
    OTHER
}
