package org.hmbd.registry.standard;

import java.time.Instant;

/**
 * A standard: its titles, category, level, number (assigned at first publication) and status
 * ({@code DRAFT} before any publication, then {@code ACTIVE}, finally {@code ABOLISHED}; a first
 * draft withdrawn before publication leaves it {@code WITHDRAWN}).
 */
public record Standard(long id, String titleZh, String titleEn, String category, StandardLevel level,
                       String number, String status, Long currentEditionId, String currentCode,
                       Long latestEditionId, Instant createdAt) {
}
