package org.hmbd.validator.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.hmbd.validator.Finding;
import org.hmbd.validator.engine.Limits;
import org.hmbd.validator.engine.ValidationEngine;
import org.hmbd.validator.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard content from a folder or a FHIR NPM package validates the same; broken content is refused clearly. */
class StandardContentTest {

    static final Path SAMPLE = Path.of("..", "standards", "hmbd-core-sample", "0.1.0").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path packageOf(Path folder, boolean withManifest) throws IOException {
        Path tgz = dir.resolve(withManifest ? "with-manifest.tgz" : "plain.tgz");
        try (OutputStream out = Files.newOutputStream(tgz);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            try (Stream<Path> files = Files.list(folder.resolve("package"))) {
                for (Path f : files.sorted().toList()) {
                    add(tar, "package/" + f.getFileName(), Files.readAllBytes(f));
                }
            }
            if (withManifest) {
                add(tar, "package/other/hmbd-manifest.json", Files.readAllBytes(folder.resolve("manifest.json")));
            }
        }
        return tgz;
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static List<String> findings(StandardContent content, Path input) {
        Report r = ValidationEngine.create(content, Limits.defaults()).run(List.of(input.toString()), null, 1, null);
        return r.findings().stream().map(f -> f.checkId() + " " + f.location()).sorted().toList();
    }

    @Test
    void aFhirPackageWithTheManifestValidatesExactlyAsTheFolder() throws IOException {
        StandardContent folder = StandardContent.load(ValidationEngine.fhirContext(), SAMPLE);
        StandardContent tgz = StandardContent.load(ValidationEngine.fhirContext(), packageOf(SAMPLE, true));
        assertThat(tgz.manifest().id()).isEqualTo("hmbd-core-sample");
        assertThat(tgz.resources()).hasSameSizeAs(folder.resources());
        Path invalid = SAMPLE.resolve("examples/invalid");
        assertThat(findings(tgz, invalid)).isEqualTo(findings(folder, invalid)).isNotEmpty();
    }

    @Test
    void aPackageWithoutManifestAppliesItsProfilesByType() throws IOException {
        StandardContent tgz = StandardContent.load(ValidationEngine.fhirContext(), packageOf(SAMPLE, false));
        assertThat(tgz.manifest().profiles()).containsKeys("Patient", "Organization", "Encounter", "Condition",
                "Observation");
        assertThat(tgz.manifest().rules()).isEmpty();
        Report r = ValidationEngine.create(tgz, Limits.defaults())
                .run(List.of(SAMPLE.resolve("examples/invalid/patient-missing-birth-date.json").toString()), null, 1, null);
        assertThat(r.findings()).extracting(Finding::checkId).contains("FHIR-Validation_VAL_Profile_Minimum");
    }

    @Test
    void refusesContentThatIsMissingOrInconsistent() throws IOException {
        assertThatThrownBy(() -> StandardContent.load(ValidationEngine.fhirContext(), dir.resolve("none")))
                .isInstanceOf(ContentException.class).hasMessageContaining("not found");
        Path noManifest = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> StandardContent.load(ValidationEngine.fhirContext(), noManifest))
                .isInstanceOf(ContentException.class).hasMessageContaining("manifest.json");
        Path wrongProfile = Files.createDirectories(dir.resolve("wrong/package"));
        Files.writeString(wrongProfile.getParent().resolve("manifest.json"), """
                {"schemaVersion": 1, "id": "x", "profiles": {"Patient": "http://example.org/none"}}""");
        assertThatThrownBy(() -> StandardContent.load(ValidationEngine.fhirContext(), wrongProfile.getParent()))
                .isInstanceOf(ContentException.class).hasMessageContaining("http://example.org/none");
        Files.writeString(wrongProfile.getParent().resolve("manifest.json"), """
                {"schemaVersion": 9, "id": "x"}""");
        assertThatThrownBy(() -> StandardContent.load(ValidationEngine.fhirContext(), wrongProfile.getParent()))
                .isInstanceOf(ContentException.class).hasMessageContaining("schemaVersion");
    }
}
