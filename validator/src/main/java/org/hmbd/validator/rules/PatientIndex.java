package org.hmbd.validator.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the cross-resource rules need to know of each patient of a submission (sex and birth
 * date), by every way a reference may name it ({@code Patient/id}, a Bundle {@code fullUrl}).
 * Held packed in one int per patient, since a submission may hold millions of them.
 */
public final class PatientIndex {

    public record Facts(String gender, String birthDate) {
    }

    private final Map<String, Integer> byReference = new ConcurrentHashMap<>();

    void add(ResourceView patient) {
        int packed = Packed.pack(patient.json().path("gender").asText(null), patient.json().path("birthDate").asText(null));
        if (patient.reference() != null) {
            byReference.put(patient.reference(), packed);
        }
        if (patient.fullUrl() != null) {
            byReference.put(patient.fullUrl(), packed);
        }
    }

    Facts get(String reference) {
        Integer packed = reference == null ? null : byReference.get(reference);
        return packed == null ? null : new Facts(Packed.gender(packed), Packed.birthDate(packed));
    }

    public int size() {
        return byReference.size();
    }
}
