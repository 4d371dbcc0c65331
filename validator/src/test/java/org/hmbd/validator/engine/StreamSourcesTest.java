package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.hmbd.validator.content.FhirPackage;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs given as named streams (how the server feeds stored submissions) and packed content. */
class StreamSourcesTest {

    @Test
    void namedStreamsAreReadLikeFilesOfThatName() throws IOException {
        Path ndjson = Samples.example("valid/patients.ndjson");
        Path bundle = Samples.example("invalid/bundle-implausible.json");
        Report fromFiles = Samples.engine().run(List.of(ndjson.toString(), bundle.toString()), null, 2, null);
        Report fromStreams = Samples.engine().run(List.of(
                new ValidationEngine.Source(ndjson.toString(), () -> Files.newInputStream(ndjson)),
                new ValidationEngine.Source(bundle.toString(), () -> Files.newInputStream(bundle))), 2, null);
        assertThat(fromStreams.summary().resources()).isEqualTo(fromFiles.summary().resources()).isPositive();
        assertThat(fromStreams.summary().inputs()).isEqualTo(2);
        assertThat(fromStreams.findings()).containsExactlyInAnyOrderElementsOf(fromFiles.findings());
        assertThat(fromStreams.scores()).isEqualTo(fromFiles.scores());
    }

    @Test
    void aSourceThatCannotBeOpenedIsAFindingAndTheRunGoesOn() {
        Path ndjson = Samples.example("valid/patients.ndjson");
        Report r = Samples.engine().run(List.of(
                new ValidationEngine.Source("gone.ndjson", () -> {
                    throw new IOException("stored file missing");
                }),
                new ValidationEngine.Source("patients.ndjson", () -> Files.newInputStream(ndjson))), 1, null);
        assertThat(r.summary().unreadable()).isEqualTo(1);
        assertThat(r.summary().resources()).isPositive();
        assertThat(r.findings()).anyMatch(f -> f.source().equals("gone.ndjson")
                && f.checkId().equals("HMBD-INPUT-UNREADABLE"));
    }

    @Test
    void anUncheckedFailureWhileReadingStopsTheRun() {
        Path ndjson = Samples.example("valid/patients.ndjson");
        assertThatThrownBy(() -> Samples.engine().run(List.of(new ValidationEngine.Source("p.ndjson",
                () -> new FilterInputStream(Files.newInputStream(ndjson)) {
                    @Override
                    public int read(byte[] b, int off, int len) {
                        throw new CancellationException("cancelled");
                    }
                })), 1, null)).isInstanceOf(CancellationException.class);
    }

    @Test
    void aPackedEditionLoadsWithTheSameManifestAndResources(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> list = Files.list(Samples.FOLDER.resolve("package"))) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FhirPackage.write(files, Files.readAllBytes(Samples.FOLDER.resolve("manifest.json")), out);
        Path tgz = tmp.resolve("edition.tgz");
        Files.write(tgz, out.toByteArray());

        StandardContent packed = StandardContent.load(ValidationEngine.fhirContext(), tgz);
        StandardContent folder = Samples.engine().content();
        assertThat(packed.manifest()).isEqualTo(folder.manifest());
        assertThat(packed.resources()).hasSameSizeAs(folder.resources());
        Report a = ValidationEngine.create(packed, Limits.defaults())
                .run(List.of(Samples.example("invalid").toString()), null, 1, null);
        Report b = Samples.engine().run(List.of(Samples.example("invalid").toString()), null, 1, null);
        assertThat(a.findings()).containsExactlyInAnyOrderElementsOf(b.findings());
    }
}
