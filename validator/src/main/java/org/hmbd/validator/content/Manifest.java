package org.hmbd.validator.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Text;

/**
 * The test-suite manifest of a standard edition ({@code manifest.json}): the pinned packages,
 * validity dates, which profile applies to which resource type, the rules beyond profiles, the
 * dimension weights, level thresholds, and suppressions with reasons.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(int schemaVersion, String id, String version, Text title, String notice, String standardCode,
                       String fhirVersion, LocalDate validFrom, LocalDate validTo, List<PackageRef> packages,
                       Map<String, String> profiles, Map<Dimension, Integer> dimensionWeights, List<Level> levels,
                       List<Rule> rules, List<Suppression> suppressions) {

    public static final int SCHEMA_VERSION = 1;

    public Manifest {
        packages = packages == null ? List.of() : List.copyOf(packages);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        if (dimensionWeights == null || dimensionWeights.isEmpty()) {
            dimensionWeights = defaultWeights();
        }
        levels = levels == null ? List.of() : List.copyOf(levels);
        rules = rules == null ? List.of() : List.copyOf(rules);
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PackageRef(String name, String version, String path) {
    }

    /** A level reached at {@code minScore}; with {@code requiresMandatory}, only if no mandatory rule failed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Level(String code, Text title, double minScore, boolean requiresMandatory) {
    }

    /** A rule beyond what profiles express; {@code params} holds its type-specific settings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(String id, String type, Dimension dimension, boolean mandatory, Text title,
                       Map<String, JsonNode> params) {
    }

    /** A check switched off for this standard, with the reason recorded in every report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suppression(String checkId, Text reason) {
    }

    public static Map<Dimension, Integer> defaultWeights() {
        Map<Dimension, Integer> w = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            w.put(d, 20);
        }
        return w;
    }

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Reads a manifest; a rule's other members become its {@code params}. */
    public static Manifest read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !root.isObject()) {
            throw new ContentException("manifest.json is not a JSON object");
        }
        int schema = root.path("schemaVersion").asInt(0);
        if (schema != SCHEMA_VERSION) {
            throw new ContentException("manifest.json schemaVersion " + schema + " is not supported (expected "
                    + SCHEMA_VERSION + ")");
        }
        JsonNode rules = root.path("rules");
        Manifest m = JSON.treeToValue(root, Manifest.class);
        List<Rule> withParams = new java.util.ArrayList<>();
        for (int i = 0; i < m.rules().size(); i++) {
            Rule r = m.rules().get(i);
            Map<String, JsonNode> params = new LinkedHashMap<>();
            rules.get(i).fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
            if (r.id() == null || r.type() == null || r.dimension() == null) {
                throw new ContentException("rule #" + (i + 1) + " needs an id, a type and a dimension");
            }
            withParams.add(new Rule(r.id(), r.type(), r.dimension(), r.mandatory(), r.title(), params));
        }
        return new Manifest(m.schemaVersion(), m.id(), m.version(), m.title(), m.notice(), m.standardCode(),
                m.fhirVersion(), m.validFrom(), m.validTo(), m.packages(), m.profiles(), m.dimensionWeights(),
                m.levels(), withParams, m.suppressions());
    }

    /** The manifest used when validating against the base FHIR R4 specification only. */
    public static Manifest base() {
        return new Manifest(SCHEMA_VERSION, "fhir-r4-base", "4.0.1", Text.of("FHIR R4 基础规范", "FHIR R4 base specification"),
                null, null, "4.0.1", null, null, List.of(), Map.of(), null, List.of(), List.of(), List.of());
    }
}
