package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hmbd.validator.Finding;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every finding has a Chinese text, whatever produced it: HAPI's keyed messages, its unkeyed
 * texts, HL7's parsers, UCUM, the engine's own input checks and rules. Run on the realistic
 * corpus and on a set of bad inputs, against base R4 and against the sample standard. A text that
 * is only the English with a Chinese label beside it (the fallback for wording a newer HAPI might
 * change) counts as missing, and so does an invariant of the base specification left in English.
 */
class ChineseTextsTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    @TempDir
    Path dir;

    @Test
    void everyFindingOnRealisticDataAndBadInputHasItsChineseText() throws IOException {
        List<Path> inputs = new ArrayList<>(RealisticCorpus.files(Files.createDirectory(dir.resolve("corpus"))));
        inputs.add(badInputs(Files.createDirectory(dir.resolve("bad"))));
        Limits keepAll = new Limits(20 << 20, 100, Integer.MAX_VALUE, 1_000);
        Map<String, String> missing = new TreeMap<>();
        long findings = 0;
        for (StandardContent content : List.of(StandardContent.base(),
                StandardContent.load(ValidationEngine.fhirContext(), Samples.FOLDER))) {
            Report r = ValidationEngine.create(content, keepAll)
                    .run(inputs.stream().map(Path::toString).toList(), null, 2, null);
            assertThat(r.findingsTruncated()).isFalse();
            for (Finding f : r.findings()) {
                findings++;
                String zh = f.message().zh();
                String en = f.message().en();
                if (zh == null || !CJK.matcher(zh).find() || zh.contains("暂无中文译文")
                        || en != null && en.length() > 20 && zh.contains(en)
                        || HapiMessages.invariantTexts().keySet().stream().anyMatch(zh::contains)) {
                    missing.putIfAbsent(f.checkId() + " " + en, zh);
                }
            }
        }
        assertThat(findings).isGreaterThan(1_000);
        assertThat(missing).as("findings without a Chinese text").isEmpty();
    }

    /** Bad inputs of every kind the engine reports on, in one folder. */
    static Path badInputs(Path dir) throws IOException {
        String valid = "{\"resourceType\":\"Basic\",\"id\":\"ok\",\"code\":{\"text\":\"x\"}}";
        Map<String, String> files = new TreeMap<>();
        files.put("malformed.json", "{\"resourceType\": \"Patient\", \"id\": ");
        files.put("array.json", "[1, 2, 3]");
        files.put("unknown-type.json", "{\"resourceType\": \"Spaceship\", \"id\": \"x\"}");
        files.put("duplicate.json", "{\"resourceType\": \"Patient\", \"id\": \"a\", \"id\": \"b\"}");
        files.put("empty.json", "  ");
        files.put("text.json", "hello world");
        files.put("xml-as-json.json", "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"x\"/><gender value=\"nonsense\"/>"
                + "<birthDate value=\"1980-13-45\"/></Patient>");
        files.put("bad.xml", "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"x\"/><unknown/></Patient>");
        files.put("not-xml.xml", "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"x\">");
        files.put("deep.json", "{\"resourceType\":\"Basic\",\"x\":" + "[".repeat(150) + "]".repeat(150) + "}");
        files.put("truncated.ndjson", valid + "\n{\"resourceType\":\"Basic\",\"code\":{\"te\n");
        files.put("pretty.ndjson", "{\n  \"resourceType\": \"Basic\",\n  \"code\": {\"text\": \"a\"}\n}\n");
        files.put("types.json", "{\"resourceType\":\"Patient\",\"active\":\"yes\",\"birthDate\":\"1980-02-30\","
                + "\"gender\":\"m\",\"name\":[{}],\"telecom\":[{\"system\":\"phone\",\"value\":\"\"}],"
                + "\"extension\":[{\"url\":\"http://example.org/x\"}],\"unknownElement\":1}");
        files.put("refs.ndjson", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"subject\":{\"reference\":\"Patient//x y!\"}}\n{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"//\"}}\n");
        files.put("units.json", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"valueQuantity\":{\"value\":1,\"system\":\"http://unitsofmeasure.org\",\"code\":\"beats\"}}");
        for (int i = 0; i < BundleValidationTest.BUNDLES.size(); i++) {
            files.put("bundle-" + i + ".json", BundleValidationTest.BUNDLES.get(i));
        }
        for (var e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        Files.write(dir.resolve("gbk.json"), "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"中文\"}}"
                .getBytes(Charset.forName("GBK")));
        Files.write(dir.resolve("utf16.json"), ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_16BE));
        return dir;
    }
}
