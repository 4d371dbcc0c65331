package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the patched HL7 classes: each is in effect, each was made from exactly the upstream class
 * that the build brings (an upgrade of HAPI or HL7 core makes this fail: re-apply the change to the
 * new original, or drop the copy), and each copy says where it comes from and why.
 */
class Hl7PatchesTest {

    private static final Path JAVA = Path.of("src", "main", "java");
    private static final Path PATCH_SOURCES = JAVA.resolve("org").resolve("hl7");

    @Test
    void everyPatchedClassIsTheCopyNotTheOriginal() {
        assertThat(Hl7Patches.inactive()).isEmpty();
    }

    @Test
    void everyOriginalIsTheUpstreamClassThePatchWasMadeFrom() throws Exception {
        for (Hl7Patches.Patch patch : Hl7Patches.PATCHES) {
            String resource = patch.className().replace('.', '/') + ".class";
            List<URL> originals = new ArrayList<>();
            for (URL url : Collections.list(getClass().getClassLoader().getResources(resource))) {
                if (url.getProtocol().equals("jar")) {
                    originals.add(url);
                }
            }
            assertThat(originals).as("%s comes from one upstream jar", patch.className()).hasSize(1);
            assertThat(originals.get(0).getPath()).as("the upstream artifact of %s: was the patch made from this version?",
                    patch.className()).contains("/" + patch.upstreamJar() + "!");
            try (InputStream in = originals.get(0).openStream()) {
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())))
                        .as("the original %s changed: re-apply the patch to it or drop the copy", patch.className())
                        .isEqualTo(patch.upstreamClassSha256());
            }
        }
    }

    @Test
    void everyCopyIsListedAndSaysWhatItChangedAndWhy() throws IOException {
        List<String> copies;
        try (Stream<Path> files = Files.walk(PATCH_SOURCES)) {
            copies = files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> JAVA.relativize(p).toString().replace('/', '.').replace(".java", ""))
                    .sorted().toList();
        }
        assertThat(copies).containsExactlyInAnyOrderElementsOf(
                Hl7Patches.PATCHES.stream().map(Hl7Patches.Patch::className).toList());
        for (String copy : copies) {
            String text = Files.readString(JAVA.resolve(copy.replace('.', '/') + ".java"),
                    StandardCharsets.UTF_8);
            assertThat(text).as(copy).startsWith("/*\n * HMBD PATCH of HL7 FHIR core 6.7.9")
                    .contains(" * Change: ", " * Reason: ", " * Findings: identical", " * Guard: org.hmbd.validator.engine.Hl7PatchesTest",
                            "public static final String HMBD_PATCH");
        }
    }
}
