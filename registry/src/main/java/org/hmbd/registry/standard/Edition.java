package org.hmbd.registry.standard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One edition of a standard, with the moves a request may make from its state. */
public record Edition(long id, long standardId, String titleZh, String titleEn, EditionStatus status, String code,
                      LocalDate effectiveDate, Instant publishedAt, LocalDate commentDeadline, Long supersedesId,
                      Long supersededById, Long workingGroupId, Instant createdAt,
                      List<EditionStatus> allowedTransitions) {
}
