package org.hmbd.validator.rules;

/**
 * What the cross-resource rules need to know of each patient of a submission (sex and birth
 * date), by every way a reference may name it ({@code Patient/id}, a Bundle {@code fullUrl}).
 * Held packed in one int per patient, since a submission may hold millions of them.
 */
public final class PatientIndex {

    public record Facts(String gender, String birthDate) {
    }

    /** By a 64-bit hash of the reference: no strings kept (a collision is a 1 in 2^64 event a pair). */
    private final LongKeyMap<Object> byReference = new LongKeyMap<>(false);

    void add(ResourceView patient) {
        int packed = Packed.pack(patient.json().path("gender").asText(null), patient.json().path("birthDate").asText(null));
        if (patient.reference() != null) {
            byReference.putInt(LongKeyMap.hash(patient.reference()), packed);
        }
        if (patient.fullUrl() != null) {
            byReference.putInt(LongKeyMap.hash(patient.fullUrl()), packed);
        }
    }

    Facts get(String reference) {
        int packed = reference == null ? LongKeyMap.NONE : byReference.getInt(LongKeyMap.hash(reference));
        return packed == LongKeyMap.NONE ? null : new Facts(Packed.gender(packed), Packed.birthDate(packed));
    }

    public int size() {
        return byReference.size();
    }
}
