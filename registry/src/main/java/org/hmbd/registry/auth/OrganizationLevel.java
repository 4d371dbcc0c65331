package org.hmbd.registry.auth;

/** Administrative level of an organization, from the national commission down to an institution. */
enum OrganizationLevel {
    NATIONAL,
    PROVINCE,
    PREFECTURE,
    COUNTY,
    INSTITUTION
}
