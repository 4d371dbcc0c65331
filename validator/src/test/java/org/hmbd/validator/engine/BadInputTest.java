package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hmbd.validator.CheckIds;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input never crashes, hangs or exhausts memory: each gives a clear finding for that input,
 * and the run goes on with the rest (a valid resource beside it is still validated).
 */
class BadInputTest {

    @TempDir
    Path dir;

    private static final String VALID = "{\"resourceType\":\"Basic\",\"id\":\"ok\",\"code\":{\"text\":\"x\"}}";

    private Report runWithValidNeighbour(Path bad) throws IOException {
        Path good = dir.resolve("zz-good.json");
        Files.writeString(good, VALID);
        return baseEngine().run(List.of(bad.toString(), good.toString()), null, 2, null);
    }

    private static ValidationEngine base;

    static synchronized ValidationEngine baseEngine() {
        if (base == null) {
            base = ValidationEngine.create(org.hmbd.validator.content.StandardContent.base(), Limits.defaults());
        }
        return base;
    }

    private static List<String> checkIds(Report r) {
        return r.findings().stream().map(Finding::checkId).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed.json|{\"resourceType\": \"Patient\", \"id\": |HMBD-INPUT-MALFORMED",
            "array.json|[1, 2, 3]|HMBD-INPUT-NOT-A-RESOURCE",
            "unknown-type.json|{\"resourceType\": \"Spaceship\", \"id\": \"x\"}|HMBD-INPUT-UNKNOWN-TYPE",
            "no-type.json|{\"id\": \"x\"}|HMBD-INPUT-UNKNOWN-TYPE",
            "duplicate.json|{\"resourceType\": \"Patient\", \"id\": \"a\", \"id\": \"b\"}|HMBD-INPUT-DUPLICATE-KEY",
            "empty.json|   |HMBD-INPUT-EMPTY",
            "text.json|hello world|HMBD-INPUT-MALFORMED",
            "xml-as-json.json|<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"x\"/><gender value=\"nonsense\"/></Patient>|FHIR-"})
    void eachBadFileGetsItsOwnFindingAndTheRunGoesOn(String name, String content, String expected) throws IOException {
        Path bad = dir.resolve(name);
        Files.writeString(bad, content == null ? "" : content);
        Report r = runWithValidNeighbour(bad);
        assertThat(r.findings()).anyMatch(f -> f.checkId().startsWith(expected) && f.severity() == Severity.ERROR
                && f.source().endsWith(name));
        assertThat(r.findings()).filteredOn(f -> f.source() != null && f.source().endsWith("zz-good.json"))
                .noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(r.summary().resources()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reportsContentThatIsNotUtf8AndReadsUtf16WithAWarning() throws IOException {
        Path gbk = dir.resolve("gbk.json");
        Files.write(gbk, "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"中文\"}}".getBytes(Charset.forName("GBK")));
        Report r = runWithValidNeighbour(gbk);
        assertThat(r.findings()).anyMatch(f -> f.checkId().equals("HMBD-INPUT-ENCODING") && f.severity() == Severity.ERROR);

        // the first bad byte is named by line and column (characters), in a file and in an NDJSON line
        Path gbkLines = dir.resolve("gbk-lines.json");
        Files.write(gbkLines, "{\n  \"resourceType\": \"Basic\",\n  \"code\": {\"text\": \"é中文\"}\n}"
                .getBytes(Charset.forName("GBK")));
        Path gbkNd = dir.resolve("gbk.ndjson");
        Files.write(gbkNd, (VALID + "\n" + "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"中文\"}}\n")
                .getBytes(Charset.forName("GBK")));
        Report lines = baseEngine().run(List.of(gbkLines.toString(), gbkNd.toString()), null, 1, null);
        assertThat(lines.findings()).filteredOn(f -> f.checkId().equals("HMBD-INPUT-ENCODING"))
                .extracting(f -> Path.of(f.source()).getFileName() + ":" + f.line() + ":" + f.column())
                .containsExactlyInAnyOrder("gbk-lines.json:3:21", "gbk.ndjson:2:41");
        assertThat(lines.findings()).filteredOn(f -> f.checkId().equals("HMBD-INPUT-ENCODING")).allSatisfy(f -> {
            assertThat(f.message().zh()).contains("第 " + f.line() + " 行第 " + f.column() + " 列");
            assertThat(f.message().en()).contains("line " + f.line() + ", column " + f.column());
        });

        Path utf16 = dir.resolve("utf16.json");
        Files.write(utf16, ("\uFEFF" + VALID).getBytes(StandardCharsets.UTF_16BE));
        Report r16 = baseEngine().run(List.of(utf16.toString()), null, 1, null);
        assertThat(r16.findings()).anyMatch(f -> f.checkId().equals("HMBD-INPUT-ENCODING") && f.severity() == Severity.WARNING);
        assertThat(r16.summary().resources()).isEqualTo(1);
    }

    @Test
    void truncatedNdjsonLinesAreReportedWithTheirLineNumber() throws IOException {
        Path nd = dir.resolve("data.ndjson");
        Files.writeString(nd, VALID + "\n" + "{\"resourceType\":\"Basic\",\"code\":{\"te" + "\n\n" + VALID + "\n");
        Report r = baseEngine().run(List.of(nd.toString()), null, 2, null);
        assertThat(r.summary().resources()).isEqualTo(2);
        assertThat(r.findings()).anyMatch(f -> f.checkId().equals("HMBD-INPUT-MALFORMED") && f.line() == 2);
    }

    @Test
    void prettyPrintedNdjsonIsReadWithAWarning() throws IOException {
        Path nd = dir.resolve("pretty.ndjson");
        String pretty = "{\n  \"resourceType\": \"Basic\",\n  \"code\": {\"text\": \"a\"}\n}\n";
        Files.writeString(nd, pretty + pretty + pretty);
        Report r = baseEngine().run(List.of(nd.toString()), null, 1, null);
        assertThat(r.summary().resources()).isEqualTo(3);
        assertThat(r.findings()).filteredOn(f -> f.checkId().equals("HMBD-INPUT-NDJSON-PRETTY")).hasSize(1);
    }

    @Test
    void aTruncatedLastRecordOfPrettyNdjsonIsReported() throws IOException {
        Path nd = dir.resolve("cut.ndjson");
        Files.writeString(nd, "{\n  \"resourceType\": \"Basic\",\n  \"code\": {\"text\": \"a\"}\n}\n{\n  \"resourceType\": \"Bas");
        Report r = baseEngine().run(List.of(nd.toString()), null, 1, null);
        assertThat(r.summary().resources()).isEqualTo(1);
        assertThat(r.findings()).anyMatch(f -> f.checkId().equals("HMBD-INPUT-MALFORMED") && f.line() == 5);
    }

    @Test
    void deepNestingIsRefusedBeforeAnyParser() throws IOException {
        Path deep = dir.resolve("deep.json");
        String open = "{\"resourceType\":\"Basic\",\"extension\":" + "[{\"extension\":".repeat(5000);
        Files.writeString(deep, open + "[]" + "}]".repeat(5000) + "}");
        Path deepXml = dir.resolve("deep.xml");
        Files.writeString(deepXml, "<Basic xmlns=\"http://hl7.org/fhir\">" + "<extension>".repeat(10000)
                + "</extension>".repeat(10000) + "</Basic>");
        Report r = runWithValidNeighbour(deep);
        assertThat(checkIds(r)).contains("HMBD-INPUT-TOO-DEEP");
        Report rx = baseEngine().run(List.of(deepXml.toString()), null, 1, null);
        assertThat(checkIds(rx)).contains("HMBD-INPUT-TOO-DEEP");
    }

    @Test
    void hugeStringsAreValidatedOrRefusedWithoutRunningOutOfMemory() throws IOException {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}");
        Report r = runWithValidNeighbour(big);
        assertThat(r.summary().resources()).isEqualTo(2);

        Path tooBig = dir.resolve("too-big.ndjson");
        Files.writeString(tooBig, "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"" + "y".repeat(300) + "\"}}\n" + VALID + "\n");
        ValidationEngine small = ValidationEngine.create(org.hmbd.validator.content.StandardContent.base(),
                new Limits(200, 100, 1000, 10));
        Report rs = small.run(List.of(tooBig.toString()), null, 1, null);
        assertThat(rs.findings()).anyMatch(f -> f.checkId().equals("HMBD-INPUT-TOO-LARGE") && f.line() == 1);
        assertThat(rs.summary().resources()).isEqualTo(1);
    }

    @Test
    void aZipThatInflatesBeyondTheRunsInputLimitEndsTheRunWithAClearText() throws IOException {
        Path zip = dir.resolve("inflating.zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] line = (VALID + "\n").getBytes(StandardCharsets.UTF_8);
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("many.ndjson"));
            for (int i = 0; i < 40_000; i++) { // some 2.4 MB, a few KB compressed
                z.write(line);
            }
        }
        Files.write(zip, bytes.toByteArray());
        assertThat(Files.size(zip)).isLessThan(100_000);
        ValidationEngine bounded = ValidationEngine.create(org.hmbd.validator.content.StandardContent.base(),
                Limits.defaults().withMaxInputBytes(1024 * 1024));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bounded.run(List.of(zip.toString()), null, 2, null))
                .isInstanceOfSatisfying(InputLimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(1024 * 1024);
                    assertThat(e.text().en()).contains("1048576 bytes per run");
                });
        // the same data under a larger limit is read whole
        ValidationEngine roomy = ValidationEngine.create(org.hmbd.validator.content.StandardContent.base(),
                Limits.defaults().withMaxInputBytes(10L * 1024 * 1024));
        assertThat(roomy.run(List.of(zip.toString()), null, 2, null).summary().resources()).isEqualTo(40_000);
    }

    @Test
    void readsZipsAndFoldersAndReportsMissingFiles() throws IOException {
        Path zip = dir.resolve("data.zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("a/one.json"));
            z.write(VALID.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("b/two.ndjson"));
            z.write((VALID + "\n" + VALID + "\n").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("c/bad.json"));
            z.write("{nope".getBytes(StandardCharsets.UTF_8));
        }
        Files.write(zip, bytes.toByteArray());
        Report r = baseEngine().run(List.of(zip.toString(), dir.resolve("missing.json").toString()), null, 2, null);
        assertThat(r.summary().resources()).isEqualTo(3);
        assertThat(r.findings()).anyMatch(f -> f.checkId().equals("HMBD-INPUT-MALFORMED")
                && f.source().endsWith("data.zip!/c/bad.json"));
        assertThat(r.findings()).anyMatch(f -> f.checkId().equals("HMBD-INPUT-UNREADABLE")
                && f.source().endsWith("missing.json"));
    }

    @Test
    void xmlInAFileNamedJsonIsValidatedAsXmlWithAWarning() throws IOException {
        Path xml = dir.resolve("patient.json");
        Files.writeString(xml, "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"x\"/><gender value=\"nonsense\"/>"
                + "</Patient>");
        Report r = baseEngine().run(List.of(xml.toString()), null, 1, null);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.checkId()).isEqualTo("HMBD-INPUT-FORMAT-MISMATCH");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message().zh()).contains("XML");
        });
        // validated as XML: HL7 reads the bad code with its XML line and column
        assertThat(r.findings()).anyMatch(f -> f.checkId().startsWith("FHIR-") && f.severity() == Severity.ERROR
                && "Patient.gender".equals(f.location()) && f.line() == 1 && f.column() > 1);
        assertThat(r.summary().resources()).isEqualTo(1);
    }

    @Test
    void aNullInAnArrayIsLocatedAtTheItemWhereHl7ItselfFails() throws IOException {
        Path f = dir.resolve("null.ndjson");
        Files.writeString(f, VALID + "\n{\"resourceType\":\"Patient\",\"id\":\"p2\",\"name\":[{\"given\":[null,\"Ann\"]}]}\n"
                // a null with an extension at its place is FHIR JSON
                + "{\"resourceType\":\"Patient\",\"id\":\"p3\",\"name\":[{\"given\":[null,\"Ann\"],\"_given\":[{\"extension\":"
                + "[{\"url\":\"http://hl7.org/fhir/StructureDefinition/data-absent-reason\",\"valueCode\":\"unknown\"}]},null]}]}\n");
        Report r = baseEngine().run(List.of(f.toString()), null, 1, null);
        assertThat(r.findings()).filteredOn(x -> x.checkId().equals(CheckIds.INPUT_NULL)).singleElement().satisfies(x -> {
            assertThat(x.location()).isEqualTo("Patient.name[0].given[0]");
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message().en()).contains("'given'", "'_given'");
            assertThat(x.message().zh()).contains("“given”");
        });
        assertThat(r.findings()).filteredOn(x -> x.line() == 3)
                .noneMatch(x -> x.checkId().startsWith("HMBD-INPUT") || x.checkId().equals(CheckIds.VALIDATOR_FAILURE));
        assertThat(r.summary().resources()).isEqualTo(3);
        assertThat(r.findings()).noneMatch(x -> x.message().en().contains("Exception"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"-2147483649", "2147483648", "99999999999999999999"})
    void anIntegerOutOf32BitsIsAnInvalidIntegerNotAFailure(String value) throws IOException {
        Path f = dir.resolve("int.ndjson");
        Files.writeString(f, "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"valueInteger\":" + value + "}\n");
        Report r = baseEngine().run(List.of(f.toString()), null, 1, null);
        assertThat(r.findings()).anySatisfy(x -> {
            assertThat(x.checkId()).isEqualTo("FHIR-Type_Specific_Checks_DT_Integer_Valid");
            assertThat(x.location()).isEqualTo("Observation.value.ofType(integer)");
            assertThat(x.message().en()).contains(value);
        });
        assertThat(r.findings()).noneMatch(x -> x.checkId().equals(CheckIds.VALIDATOR_FAILURE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Patient//x y!|FHIR-REFERENCE_REF_INVALID_REF",
            "Patient/a b, c; d!|FHIR-REFERENCE_REF_INVALID_REF",
            "//|HMBD-INPUT-REFERENCE",
            "/|HMBD-INPUT-REFERENCE"})
    void malformedReferencesAreLocatedAtTheReferenceElement(String reference, String checkId) throws IOException {
        Path f = dir.resolve("ref.ndjson");
        Files.writeString(f, VALID + "\n{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
                + "\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"" + reference + "\"}}\n");
        Report r = baseEngine().run(List.of(f.toString()), null, 1, null);
        assertThat(r.findings()).anySatisfy(x -> {
            assertThat(x.checkId()).isEqualTo(checkId);
            assertThat(x.location()).isEqualTo("Observation.subject");
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.message().en()).contains(reference);
            assertThat(x.message().zh()).contains(reference);
        });
        assertThat(r.summary().resources()).isEqualTo(2);
        assertThat(r.findings()).noneMatch(x -> x.message().en().contains("Exception"));
    }

    @Test
    void validatesXmlResourcesAndBundleEntriesWithTheirLocation() throws IOException {
        Path xml = dir.resolve("p.xml");
        Files.writeString(xml, "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"x\"/><gender value=\"nonsense\"/></Patient>");
        Path bundle = dir.resolve("b.json");
        Files.writeString(bundle, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + VALID
                + "},{\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"nonsense\"}}]}");
        Report r = baseEngine().run(List.of(xml.toString(), bundle.toString()), null, 2, null);
        // the XML Patient, the Bundle (validated whole) and its two entries
        assertThat(r.summary().resources()).isEqualTo(4);
        assertThat(r.findings()).anyMatch(f -> f.source().endsWith("p.xml") && f.severity() == Severity.ERROR);
        assertThat(r.findings()).anyMatch(f -> f.entry() == 1 && f.location() != null
                && f.location().startsWith("Bundle.entry[1].resource") && f.severity() == Severity.ERROR
                && "Patient".equals(f.resourceType()));
    }
}
