package org.hmbd.registry.auth;

/**
 * The grade of a healthcare institution in the national hospital grading (医院等级): tertiary
 * (三级), secondary (二级), primary (一级), or not graded (未定级). Only institutions carry one.
 */
enum InstitutionGrade {
    TERTIARY,
    SECONDARY,
    PRIMARY,
    UNGRADED
}
