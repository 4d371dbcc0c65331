package org.hmbd.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hmbd.registry.standard.Artifacts;
import org.hmbd.registry.standard.EditionStatus;
import org.hmbd.registry.standard.StandardLevel;
import org.hmbd.registry.standard.Standards.CatalogSource;
import org.hmbd.registry.standard.Standards.EditionSource;
import org.hmbd.validator.content.FhirPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogProjectionTest {

    static final Path SAMPLE = Path.of("..", "standards", "hmbd-core-sample", "0.1.0");
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static byte[] samplePackage() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(SAMPLE.resolve("package"))) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FhirPackage.write(files, Files.readAllBytes(SAMPLE.resolve("manifest.json")),
                Map.of(Artifacts.CATALOG_FILE, Files.readAllBytes(SAMPLE.resolve("catalog.json"))), out);
        return out.toByteArray();
    }

    static CatalogSource source(EditionStatus status, String code, byte[] pkg) {
        EditionSource e = new EditionSource(7, status, code, LocalDate.of(2026, 1, 1), null,
                Instant.parse("2025-06-01T00:00:00Z"), null, null, "国家卫生健康委统计信息中心", pkg);
        return new CatalogSource(3, "国家核心数据示例标准", "National core data sample standard", "DATA_SET",
                StandardLevel.WS, "WS/T 9001", "ACTIVE", List.of(e));
    }

    @Test
    void aPublishedEditionYieldsItsStandardEditionAndEveryContentItem() throws IOException {
        List<CatalogItem> items = CatalogProjection.items(source(EditionStatus.PUBLISHED, "WS/T 9001-2026",
                samplePackage()), NOW);
        Map<CatalogItemType, Long> byType = items.stream()
                .collect(Collectors.groupingBy(CatalogItem::type, TreeMap::new, Collectors.counting()));
        assertThat(byType).containsEntry(CatalogItemType.STANDARD, 1L).containsEntry(CatalogItemType.EDITION, 1L)
                .containsEntry(CatalogItemType.PROFILE, 5L).containsEntry(CatalogItemType.EXTENSION, 3L)
                .containsEntry(CatalogItemType.VALUE_SET, 4L).containsEntry(CatalogItemType.CODE_SYSTEM, 3L)
                .containsEntry(CatalogItemType.DATA_ELEMENT, 15L).containsEntry(CatalogItemType.DATA_SET, 3L);
        assertThat(items).extracting(CatalogItem::key).doesNotHaveDuplicates();
        assertThat(items).allMatch(CatalogItem::isPublic);
        assertThat(items).filteredOn(i -> i.type() != CatalogItemType.STANDARD)
                .allMatch(i -> i.year() == 2026 && "WS/T 9001-2026".equals(i.standardCode())
                        && "国家卫生健康委统计信息中心".equals(i.organization()) && "PUBLISHED".equals(i.status()));
    }

    @Test
    void namesDefinitionsCodesAndLinksComeFromTheContent() throws IOException {
        Map<String, CatalogItem> byId = CatalogProjection.items(source(EditionStatus.PUBLISHED, "WS/T 9001-2026",
                samplePackage()), NOW).stream().collect(Collectors.toMap(CatalogItem::identifier, Function.identity()));
        Function<String, String> keyOf = id -> byId.get(id).key();
        String base = "http://fhir.hmbd-registry.org/sample/core/";

        CatalogItem patient = byId.get(base + "StructureDefinition/hmbd-patient");
        assertThat(patient.nameZh()).isEqualTo("患者（国家核心示例）");
        assertThat(patient.nameEn()).isEqualTo("Patient (national core sample)");
        assertThat(patient.url()).isEqualTo(base + "StructureDefinition/hmbd-patient");
        assertThat(patient.links()).contains(
                new CatalogItem.Link("uses-extension", keyOf.apply(base + "StructureDefinition/sex-gbt2261")),
                new CatalogItem.Link("uses-extension", keyOf.apply(base + "StructureDefinition/ethnicity")));

        CatalogItem sexCodes = byId.get(base + "CodeSystem/gbt-2261-1-sex");
        assertThat(sexCodes.codes()).containsExactly("0", "1", "2", "9");
        assertThat(sexCodes.terms()).contains("男性").contains("女性");

        CatalogItem sexValues = byId.get(base + "ValueSet/gbt-2261-1-sex");
        assertThat(sexValues.links()).contains(
                new CatalogItem.Link("from-code-system", sexCodes.key()),
                new CatalogItem.Link("used-by-data-element", keyOf.apply("DE02.01.040.00")));
        assertThat(sexCodes.links()).contains(new CatalogItem.Link("expanded-by", sexValues.key()));

        CatalogItem patientSet = byId.get("DS-SAMPLE-01");
        assertThat(patientSet.codes()).contains("DS-SAMPLE-01", "DE02.01.039.00", "DE02.01.030.00");
        assertThat(patientSet.links()).contains(new CatalogItem.Link("has-element", keyOf.apply("DE02.01.039.00")));
        assertThat(byId.get("DE02.01.039.00").links())
                .contains(new CatalogItem.Link("used-by-data-set", patientSet.key()));

        CatalogItem edition = byId.get("WS/T 9001-2026");
        assertThat(edition.type()).isEqualTo(CatalogItemType.EDITION);
        assertThat(edition.links()).contains(new CatalogItem.Link("standard", "standard:3"));
        assertThat(byId.get("DE02.01.039.00").links()).contains(new CatalogItem.Link("edition", "edition:7"));
    }

    @Test
    void theSameRecordsAlwaysGiveTheSameKeys() throws IOException {
        byte[] pkg = samplePackage();
        List<String> first = CatalogProjection.items(source(EditionStatus.PUBLISHED, "WS/T 9001-2026", pkg), NOW)
                .stream().map(CatalogItem::key).toList();
        List<String> again = CatalogProjection.items(source(EditionStatus.SUPERSEDED, "WS/T 9001-2026", pkg),
                NOW.plusSeconds(60)).stream().map(CatalogItem::key).toList();
        assertThat(again).isEqualTo(first);
        assertThat(CatalogProjection.contentKey(CatalogItemType.DATA_ELEMENT, 7, "DE02.01.039.00"))
                .matches("data-element:7:[0-9a-f]{16}");
    }

    @ParameterizedTest
    @EnumSource(EditionStatus.class)
    void contentIsPublicExactlyWhenTheEditionIs(EditionStatus status) throws IOException {
        List<CatalogItem> items = CatalogProjection.items(source(status, null, samplePackage()), NOW);
        assertThat(items).filteredOn(i -> i.type() != CatalogItemType.STANDARD)
                .allMatch(i -> i.isPublic() == status.isPublic() && i.status().equals(status.name()));
        // without a code, the year is the year the edition was created (China time)
        assertThat(items).filteredOn(i -> i.type() == CatalogItemType.EDITION).singleElement()
                .matches(i -> i.year() == 2025 && i.identifier().equals("edition:7"));
    }

    @Test
    void anUnreadablePackageLeavesTheStandardAndEditionInTheCatalog() {
        List<CatalogItem> items = CatalogProjection.items(source(EditionStatus.PUBLISHED, "WS/T 9001-2026",
                new byte[] {1, 2, 3}), NOW);
        assertThat(items).extracting(CatalogItem::type)
                .containsExactly(CatalogItemType.STANDARD, CatalogItemType.EDITION);
    }

    @Test
    void bilingualTextsSplitAtTheSlash() {
        assertThat(CatalogProjection.bilingual("性别代码值集", "性别代码值集 / Sex codes. 示例内容"))
                .containsExactly("性别代码值集", "Sex codes");
        assertThat(CatalogProjection.split("只有中文")).containsExactly("只有中文", null);
        assertThat(CatalogProjection.split(null)).containsExactly(null, null);
    }
}
