package org.hmbd.registry.auth;

/** Administrative level of an organization, from the national commission down to an institution. */
public enum OrganizationLevel {
    NATIONAL,
    PROVINCE,
    PREFECTURE,
    COUNTY,
    INSTITUTION
}
