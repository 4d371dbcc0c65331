package org.hmbd.validator.engine;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.hl7.fhir.utilities.i18n.I18nConstants;

/**
 * The engine's deliberate differences from stock HAPI (docs/validator.md), applied to stock
 * HAPI's messages so that the two can be compared message for message: by the equivalence tests
 * and the benchmark.
 */
public final class StockComparison {

    private StockComparison() {
    }

    /** Adds the declared profiles of a resource that the support chain does not have; returns how many. */
    public static int foreignProfiles(JsonNode resource, IValidationSupport support, Set<String> into) {
        int n = 0;
        for (JsonNode p : resource.path("meta").path("profile")) {
            if (support.fetchStructureDefinition(p.asText()) == null) {
                into.add(p.asText());
                n++;
            }
        }
        return n;
    }

    /** Foreign profiles of a resource and, for a Bundle, of its entries. */
    public static int foreignProfilesWithEntries(JsonNode resource, IValidationSupport support, Set<String> into) {
        int n = foreignProfiles(resource, support, into);
        for (JsonNode e : resource.path("entry")) {
            n += foreignProfiles(e.path("resource"), support, into);
        }
        return n;
    }

    /** Stock HAPI's "profile not found" for a foreign profile: the engine reports it as not checked instead. */
    public static boolean aboutForeignProfile(SingleValidationMessage m, Set<String> foreign) {
        String id = m.getMessageId();
        return (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(id)
                || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(id))
                && foreign.stream().anyMatch(u -> m.getMessage().contains("'" + u + "'")
                || m.getMessage().endsWith("url=" + u));
    }

    /** A stock message's text as the engine writes it (Java object identities left out). */
    public static String text(SingleValidationMessage m) {
        return ResourceProcessor.withoutObjectIdentities(m.getMessage());
    }
}
