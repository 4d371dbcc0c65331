package org.hmbd.registry.standard;

import java.time.Instant;

/** An immutable record of one lifecycle transition: who, when, from, to, why. */
public record HistoryEntry(long id, String from, String to, String actor, Instant at, String reason) {
}
