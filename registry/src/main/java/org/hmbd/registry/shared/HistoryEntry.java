package org.hmbd.registry.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** An immutable record of one lifecycle transition: who, when, from, to, why. */
public record HistoryEntry(long id, String from, String to, String actor, Instant at, String reason) {

    /** Maps a row of a transition table ({@code edition_transition}, {@code proposal_transition}). */
    public static HistoryEntry map(ResultSet rs, int rowNum) throws SQLException {
        return new HistoryEntry(rs.getLong("id"), rs.getString("from_status"), rs.getString("to_status"),
                rs.getString("actor"), rs.getTimestamp("at").toInstant(), rs.getString("reason"));
    }
}
