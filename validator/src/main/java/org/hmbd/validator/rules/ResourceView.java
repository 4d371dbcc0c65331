package org.hmbd.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;

/**
 * A parsed resource as the rules see it: its JSON tree and where it came from.
 *
 * @param entry index in the Bundle it came from, or -1
 * @param prefix location prefix for findings ({@code Bundle.entry[3].resource.} or empty)
 * @param fullUrl the Bundle entry's fullUrl (references may use it), or null
 */
public record ResourceView(String resourceType, String id, JsonNode json, String source, long line, int entry,
                           String prefix, String fullUrl) {

    /** A reference to this resource as other resources write it ({@code Patient/123}). */
    public String reference() {
        return id == null ? null : resourceType + "/" + id;
    }

    public Finding finding(String checkId, Severity severity, Dimension dimension, String location, Text message,
                           String rule) {
        String loc = location == null || location.isEmpty() ? prefix + resourceType : prefix + location;
        return new Finding(checkId, severity, dimension, source, line, 0, entry, loc, resourceType, id, message, rule);
    }
}
