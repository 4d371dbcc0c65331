package org.hmbd.registry.auth;

/**
 * Global roles. Every account may propose and comment; working-group roles are per group.
 * <ul>
 *   <li>{@code NATIONAL_ADMIN}: the national administration: accounts, organizations, the category
 *       tree, the annual work plan (accepting or rejecting proposals), publication, abolition.</li>
 *   <li>{@code EXPERT}: member of the expert review committee: approves drafts or sends them back.</li>
 * </ul>
 */
public enum Role {
    NATIONAL_ADMIN,
    EXPERT
}
