package org.hmbd.registry.standard;

import java.time.Instant;

/**
 * What the conformance service needs to know of an edition before testing data against it.
 *
 * @param supersededAt when a later edition took its place, or null
 */
public record ConformanceTarget(long editionId, long standardId, EditionStatus status, String code, String titleZh,
                                String titleEn, Instant supersededAt) {
}
