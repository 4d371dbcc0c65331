package org.hmbd.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hmbd.registry.catalog.EditionContents.EditionRef;
import org.hmbd.registry.catalog.EditionContents.Loaded;
import org.hmbd.registry.catalog.EditionDiff.Affected;
import org.hmbd.registry.catalog.EditionDiff.Difference;
import org.hmbd.registry.standard.Artifacts;
import org.hmbd.validator.content.FhirPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class EditionDifferTest {

    static final String BASE = "http://fhir.hmbd-registry.org/sample/core/";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EditionDiff.Impact NO_CERTIFICATES = new EditionDiff.Impact(List.of(), List.of(), null, 0, List.of());
    static Loaded sample;
    static Loaded revised;

    /** The sample package, each file passed through an edit (file name to edited JSON; null drops the file). */
    static byte[] pkg(Map<String, UnaryOperator<ObjectNode>> edits) throws Exception {
        Path sampleDir = CatalogProjectionTest.SAMPLE;
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(sampleDir.resolve("package"))) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        files.put("manifest.json", Files.readAllBytes(sampleDir.resolve("manifest.json")));
        files.put(Artifacts.CATALOG_FILE, Files.readAllBytes(sampleDir.resolve("catalog.json")));
        for (Map.Entry<String, UnaryOperator<ObjectNode>> e : edits.entrySet()) {
            ObjectNode edited = e.getValue().apply((ObjectNode) JSON.readTree(files.get(e.getKey())));
            if (edited == null) {
                files.remove(e.getKey());
            } else {
                files.put(e.getKey(), JSON.writeValueAsBytes(edited));
            }
        }
        byte[] manifest = files.remove("manifest.json");
        byte[] catalog = files.remove(Artifacts.CATALOG_FILE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FhirPackage.write(files, manifest, Map.of(Artifacts.CATALOG_FILE, catalog), out);
        return out.toByteArray();
    }

    @BeforeAll
    static void load() throws Exception {
        sample = EditionContents.parse(new EditionRef(1, "SUPERSEDED", true, "WS/T 9001-2026"), "a", pkg(Map.of()));
        revised = EditionContents.parse(new EditionRef(2, "PUBLISHED", true, "WS/T 9001-2027"), "b", pkg(Map.of(
                "StructureDefinition-hmbd-patient.json", sd -> {
                    for (var el : sd.path("differential").path("element")) {
                        if (el.path("id").asString().equals("Patient.identifier")) {
                            ((ObjectNode) el).put("min", 2);
                        }
                    }
                    ((ArrayNode) sd.path("differential").path("element")).addObject()
                            .put("id", "Patient.photo").put("path", "Patient.photo").put("max", "0");
                    return sd;
                },
                "CodeSystem-gbt-2261-1-sex.json", cs -> {
                    ((ObjectNode) cs.path("concept").get(3)).put("display", "未说明");
                    ((ArrayNode) cs.withArray("concept")).addObject().put("code", "5").put("display", "其他");
                    cs.put("count", 5);
                    return cs;
                },
                "ValueSet-vital-signs.json", vs -> null,
                "manifest.json", m -> {
                    ((ObjectNode) m.path("levels").get(2)).put("minScore", 95);
                    ArrayNode rules = (ArrayNode) m.path("rules");
                    rules.remove(rules.size() - 1);
                    return m;
                },
                Artifacts.CATALOG_FILE, c -> {
                    ArrayNode elements = (ArrayNode) c.path("dataElements");
                    ((ObjectNode) elements.get(0)).put("format", "A..100");
                    elements.remove(elements.size() - 1); // DE04.10.244.00, body weight
                    elements.addObject().put("identifier", "DE02.01.999.00").putObject("name").put("zh", "新数据元");
                    ObjectNode first = (ObjectNode) c.path("dataSets").get(0).path("elements").get(4);
                    first.put("required", true);
                    return c;
                })));
    }

    @Test
    void profileElementsAddedAndChangedAreListedWithTheirAspects() {
        EditionDiff d = EditionDiffer.diff(sample, revised, NO_CERTIFICATES);
        assertThat(d.profiles().added()).isEmpty();
        assertThat(d.profiles().removed()).isEmpty();
        EditionDiff.ProfileChange patient = d.profiles().changed().stream()
                .filter(c -> c.url().equals(BASE + "StructureDefinition/hmbd-patient")).findFirst().orElseThrow();
        assertThat(patient.elementsAdded()).containsExactly("Patient.photo");
        assertThat(patient.elementsChanged()).singleElement().satisfies(c -> {
            assertThat(c.elementId()).isEqualTo("Patient.identifier");
            assertThat(c.differences()).containsExactly(new Difference("cardinality", "1..", "2.."));
        });
        assertThat(d.extensions().isEmpty()).isTrue();
    }

    @Test
    void terminologyChangesComeFromTheExpansions() {
        EditionDiff d = EditionDiffer.diff(sample, revised, NO_CERTIFICATES);
        assertThat(d.valueSets().removed()).containsExactly(BASE + "ValueSet/vital-signs");
        String sex = BASE + "CodeSystem/gbt-2261-1-sex";
        assertThat(d.valueSets().changed()).singleElement().satisfies(c -> {
            assertThat(c.url()).isEqualTo(BASE + "ValueSet/gbt-2261-1-sex");
            assertThat(c.codesAdded()).containsExactly(sex + "|5");
            assertThat(c.displaysChanged()).containsExactly(new Difference(sex + "|9", "未说明的性别", "未说明"));
            assertThat(c.definitionChanged()).isFalse();
        });
        assertThat(d.codeSystems().changed()).singleElement()
                .satisfies(c -> assertThat(c.codesAdded()).containsExactly(sex + "|5"));
    }

    @Test
    void dataElementsAndDataSetsAreComparedByIdentifier() {
        EditionDiff d = EditionDiffer.diff(sample, revised, NO_CERTIFICATES);
        assertThat(d.dataElements().added()).containsExactly("DE02.01.999.00");
        assertThat(d.dataElements().removed()).containsExactly("DE04.10.244.00");
        assertThat(d.dataElements().changed()).singleElement().satisfies(c -> {
            assertThat(c.identifier()).isEqualTo("DE02.01.039.00");
            assertThat(c.differences()).containsExactly(new Difference("format", "A..50", "A..100"));
        });
        assertThat(d.dataSets().changed()).singleElement().satisfies(c -> {
            assertThat(c.identifier()).isEqualTo("DS-SAMPLE-01");
            assertThat(c.differences()).containsExactly(new Difference("required DE02.01.025.00", "false", "true"));
        });
    }

    @Test
    void everyImpactReasonHasAStableCodeAndBothLanguages() {
        EditionDiff.Impact impact = EditionDiffer.diff(sample, revised, new EditionDiff.Impact(List.of(), List.of(),
                null, 0, List.of())).impact();
        Affected set = impact.dataSets().get(0);
        assertThat(set.reasons()).extracting(EditionDiff.Reason::code)
                .containsExactly("changed", "data-elements-changed");
        EditionDiff.Reason elements = set.reasons().get(1);
        assertThat(elements.subjects()).contains("DE02.01.039.00");
        assertThat(elements.zh()).startsWith("所含数据元有变化：").contains("DE02.01.039.00");
        assertThat(elements.en()).startsWith("data elements ").contains("DE02.01.039.00");
        assertThat(set.because()).isEqualTo("changed; " + elements.en());
        Affected vitals = impact.profiles().stream().filter(a -> a.identifier().endsWith("hmbd-vital-signs"))
                .findFirst().orElseThrow();
        assertThat(vitals.reasons()).extracting(EditionDiff.Reason::code).contains("binds-changed-value-set");
        assertThat(impact.dataSets()).flatExtracting(Affected::reasons).allSatisfy(r -> {
            assertThat(r.zh()).matches(".*\\p{IsHan}.*");
            assertThat(r.en()).isNotBlank();
        });
    }

    @Test
    void theImpactNamesDataSetsProfilesAndTheTestSuite() {
        EditionDiff.Impact impact = EditionDiffer.diff(sample, revised, new EditionDiff.Impact(List.of(), List.of(),
                null, 3, List.of())).impact();
        assertThat(impact.dataSets()).extracting(Affected::identifier)
                .containsExactly("DS-SAMPLE-01", "DS-SAMPLE-03");
        assertThat(impact.dataSets().get(0).because()).contains("changed", "DE02.01.039.00");
        assertThat(impact.dataSets().get(1).because()).contains("DE04.10.244.00");
        assertThat(impact.profiles()).extracting(Affected::identifier)
                .contains(BASE + "StructureDefinition/hmbd-patient", BASE + "StructureDefinition/hmbd-vital-signs");
        assertThat(impact.profiles()).filteredOn(a -> a.identifier().endsWith("hmbd-vital-signs")).singleElement()
                .satisfies(a -> assertThat(a.because()).contains("binds " + BASE + "ValueSet/vital-signs"));
        assertThat(impact.testSuite().changed()).isTrue();
        assertThat(impact.testSuite().rulesRemoved()).containsExactly("HMBD-COMPLETENESS");
        assertThat(impact.testSuite().levels()).extracting(Difference::aspect).containsExactly("levels");
        assertThat(impact.certificatesInForce()).isEqualTo(3);
    }

    @Test
    void anEditionComparedWithItselfHasNoChanges() {
        EditionDiff d = EditionDiffer.diff(sample, sample, NO_CERTIFICATES);
        assertThat(List.of(d.profiles().isEmpty(), d.extensions().isEmpty(), d.valueSets().isEmpty(),
                d.codeSystems().isEmpty(), d.dataElements().isEmpty(), d.dataSets().isEmpty())).containsOnly(true);
        assertThat(d.impact().dataSets()).isEmpty();
        assertThat(d.impact().profiles()).isEmpty();
        assertThat(d.impact().testSuite().changed()).isFalse();
    }
}
