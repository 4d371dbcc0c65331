package org.hmbd.validator.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the cross-resource rules need to know of each patient of a submission (sex and birth
 * date), by every way a reference may name it ({@code Patient/id}, a Bundle {@code fullUrl}).
 */
public final class PatientIndex {

    public record Facts(String gender, String birthDate) {
    }

    private final Map<String, Facts> byReference = new ConcurrentHashMap<>();

    void add(ResourceView patient) {
        Facts facts = new Facts(patient.json().path("gender").asText(null), patient.json().path("birthDate").asText(null));
        if (patient.reference() != null) {
            byReference.put(patient.reference(), facts);
        }
        if (patient.fullUrl() != null) {
            byReference.put(patient.fullUrl(), facts);
        }
    }

    Facts get(String reference) {
        return reference == null ? null : byReference.get(reference);
    }

    public int size() {
        return byReference.size();
    }
}
